package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 20 in Chromium at phone width (a commune worker often has only a phone): the worker refers
 * a case from its page; the health station's user accepts it and reports the service done from
 * their list, then declines another with a reason; the worker sees each answer on the case page.
 */
class ReferralBrowserIT extends ApplicationIT {
  static BrowserSession browser;

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void a_referral_is_sent_accepted_done_and_another_declined_on_a_phone() {
    defineArea("73", "PROVINCE", null);
    defineArea("73001", "COMMUNE", "73");
    defineUser("phone.worker", "phone-password", "CASE_WORKER", "73001");
    UUID station = UUID.randomUUID();
    assertThat(
            admin()
                .put(
                    "/api/v1/providers/" + station,
                    "{\"name\":\"Trạm y tế xã Điện Thoại\",\"type\":\"HEALTH\",\"areaCodes\":[\"73001\"]}")
                .status())
        .isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin()
                    .get("/api/v1/providers")
                    .json()
                    .findValuesAsText("id")
                    .contains(station.toString()));
    assertThat(
            admin()
                .put(
                    "/api/v1/users/phone.station",
                    "{\"displayName\":\"Synthetic\",\"roles\":[\"PROVIDER\"],\"providerId\":\"%s\",\"password\":\"phone-password\"}"
                        .formatted(station))
                .status())
        .isIn(200, 201);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
    String[] cases = new String[2];
    for (int i = 0; i < 2; i++) {
      var created =
          admin()
              .post(
                  "/api/v1/cases",
                  CaseApiIT.caseBody(null, "PHONE", "")
                      .replace("06652", "73001")
                      .replace(CaseApiIT.RECENT, now.minusHours(3).toString()));
      cases[i] = created.json().get("id").asText();
    }

    browser = new BrowserSession(port);
    browser.driver.manage().window().setSize(BrowserSession.PHONE);
    browser.signIn("phone.worker", "phone-password");
    for (String caseId : cases) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                browser.open("/cases/" + caseId);
                return !browser.driver.findElements(By.id("referral-form")).isEmpty();
              });
      browser.choose("referral-form", "providerId", station.toString());
      browser.choose("referral-form", "service", "MEDICAL");
      browser.check("referral-form", "consentRecorded", "true");
      browser.submit("referral-form");
      assertThat(browser.find("#step-done").getText()).isEqualTo("Đã chuyển tuyến.");
    }

    browser.signIn("phone.station", "phone-password");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/referrals");
    String accept =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> {
                  browser.open("/referrals");
                  return browser.driver.findElements(By.cssSelector("form[id^='accept-']"));
                },
                forms -> forms.size() == 2)
            .get(0)
            .getAttribute("id");
    browser.submit(accept);
    String referral = accept.substring("accept-".length());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              browser.open("/referrals");
              return !browser.driver.findElements(By.id("complete-" + referral)).isEmpty();
            });
    browser.type("complete-" + referral, "outcome", "Đã khám, không có thương tích (tổng hợp)");
    browser.submit("complete-" + referral);
    String decline =
        browser
            .driver
            .findElements(By.cssSelector("form[id^='decline-']"))
            .get(0)
            .getAttribute("id");
    browser.type(decline, "reason", "Không có bác sĩ nhi (tổng hợp)");
    browser.submit(decline);
    Object sideways =
        browser.driver.executeScript(
            "return document.documentElement.scrollWidth > window.innerWidth;");
    assertThat(sideways).isEqualTo(Boolean.FALSE);

    browser.signIn("phone.worker", "phone-password");
    String statuses =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> {
                  StringBuilder all = new StringBuilder();
                  for (String caseId : cases) {
                    browser.open("/cases/" + caseId);
                    all.append(browser.find("#referrals").getAttribute("innerHTML"));
                  }
                  return all.toString();
                },
                html ->
                    html.contains("data-status=\"DONE\"")
                        && html.contains("data-status=\"DECLINED\""));
    assertThat(statuses).contains("Không có bác sĩ nhi (tổng hợp)");
  }
}
