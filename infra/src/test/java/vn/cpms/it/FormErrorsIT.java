package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 19, point 8, in Chromium at phone width: a refused form shows every fault at once (a date
 * it cannot read with the API's own messages for the other fields, and nothing saved), each next to
 * its field; the page opens on the refusal; a step the case is not ready for is not offered; a plan
 * without interventions says so where the interventions are.
 */
class FormErrorsIT extends ApplicationIT {
  static BrowserSession browser;

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void a_refused_form_shows_every_fault_at_once_and_the_phone_opens_on_it() {
    defineArea("59", "PROVINCE", null);
    defineArea("59101", "COMMUNE", "59");
    defineUser("errors.worker", "errors-password", "CASE_WORKER", "59101");
    ApiClient admin = admin();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
    var created =
        admin.post(
            "/api/v1/cases",
            CaseApiIT.caseBody(null, "PHONE", "")
                .replace("06652", "59101")
                .replace(CaseApiIT.RECENT, now.minusHours(2).toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();

    browser = new BrowserSession(port);
    browser.driver.manage().window().setSize(BrowserSession.PHONE);
    browser.signIn("errors.worker", "errors-password");

    // on a phone the header stays short and the worker's pages never scroll sideways
    for (String page : new String[] {"/cases", "/cases/" + id, "/cases/new"}) {
      browser.open(page);
      browser.find("main");
      Number header =
          (Number)
              browser.driver.executeScript(
                  "return document.querySelector('header.top').getBoundingClientRect().height;");
      assertThat(header.doubleValue()).as(page + " header height").isLessThanOrEqualTo(100);
      Object sideways =
          browser.driver.executeScript(
              "return document.documentElement.scrollWidth > window.innerWidth;");
      assertThat(sideways).as(page + " scrolls sideways").isEqualTo(Boolean.FALSE);
    }

    // not assigned yet: the initial assessment is not offered, the page says what comes first
    browser.open("/cases/" + id);
    browser.find("#assign-first");
    assertThat(browser.driver.findElements(By.id("initial-assessment-form"))).isEmpty();
    browser.choose("assignment-form", "workerUsername", "errors.worker");
    browser.submit("assignment-form");

    // an unreadable time and no risk level: both refused in one answer, nothing saved
    long events = storedEvents();
    browser.type("initial-assessment-form", "assessedAt", "31/02/2026 25:00");
    browser.submit("initial-assessment-form");
    WebElement form = browser.find("#initial-assessment-form");
    assertThat(form.findElement(By.id("initial-assessment-assessedAt-error")).isDisplayed())
        .isTrue();
    assertThat(form.findElement(By.id("initial-assessment-riskLevel-error")).isDisplayed())
        .isTrue();
    assertThat(storedEvents()).isEqualTo(events);
    // the page opened on the refusal: it has the focus and is on the screen
    WebElement focused = browser.driver.switchTo().activeElement();
    assertThat(focused.getAttribute("id")).isEqualTo("initial-assessment-problem");
    assertThat(onScreen(focused)).isTrue();

    // a time before the report: the refusal names the time it must not precede
    browser.type(
        "initial-assessment-form",
        "assessedAt",
        now.minusHours(3).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
    browser.choose("initial-assessment-form", "riskLevel", "HIGH");
    browser.submit("initial-assessment-form");
    assertThat(browser.find("#initial-assessment-assessedAt-error").getText())
        .contains(
            now.minusHours(2)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));

    // the report form: an unreadable time, no commune, no description — all three at once
    browser.open("/cases/new");
    browser.type("report-form", "reportedAt", "hôm qua");
    browser.type("report-form", "child.fullName", "Synthetic Lỗi Nhập");
    browser.type("report-form", "child.ageYears", "7");
    browser.submit("report-form");
    WebElement report = browser.find("#report-form");
    for (String field : new String[] {"reportedAt", "areaCode", "description"}) {
      assertThat(report.findElements(By.id("report-" + field + "-error"))).as(field).isNotEmpty();
    }
    assertThat(onScreen(browser.driver.switchTo().activeElement())).isTrue();
    assertThat(storedEvents()).isEqualTo(events);
  }

  private boolean onScreen(WebElement element) {
    Object inside =
        browser.driver.executeScript(
            "var r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;",
            element);
    return Boolean.TRUE.equals(inside);
  }
}
