package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web interface in a real headless Chromium, on a synthetic province 57 (communes 57101 and
 * 57102): an operator takes a call and escalates it; the worker of 57101 finds it at the top of the
 * worklist, is told in Vietnamese what is wrong with a time in the future, assesses it and writes a
 * plan; the supervisor approves it; the statistician's dashboard counts one more abused child; the
 * worker of 57102 cannot open the case. Each main page is saved to docs/screenshots/.
 */
class WebUiIT extends ApplicationIT {
  static final ZoneOffset VN = ZoneOffset.ofHours(7);
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  static final String PLAN = "luong-minh-2026-2030";
  static final String PHONE = "0912 570 570";
  static boolean prepared;
  static BrowserSession browser;

  final OffsetDateTime now = OffsetDateTime.now(VN).withNano(0);
  final int year = now.getYear();

  @BeforeEach
  void prepare() {
    if (browser == null) {
      browser = new BrowserSession(port);
    }
    if (prepared) {
      return;
    }
    ApiClient admin = admin();
    assertThat(
            admin
                .put("/api/v1/areas/57", "{\"name\":\"Tỉnh Năm Bảy\",\"level\":\"PROVINCE\"}")
                .status())
        .isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.get("/api/v1/areas").json().findValuesAsText("code").contains("57"));
    for (String commune : List.of("57101", "57102")) {
      assertThat(
              admin
                  .put(
                      "/api/v1/areas/" + commune,
                      "{\"name\":\"Xã Hoà Bình "
                          + commune
                          + "\",\"level\":\"COMMUNE\",\"parentCode\":\"57\"}")
                  .status())
          .isEqualTo(204);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.get("/api/v1/areas").json().findValuesAsText("code").contains("57102"));
    user("ui.operator", "HOTLINE_OPERATOR", "57");
    user("ui.worker", "CASE_WORKER", "57101");
    user("ui.worker.other", "CASE_WORKER", "57102");
    user("ui.supervisor", "SUPERVISOR", "57");
    user("ui.statistician", "STATISTICIAN", "57");
    StringJoiner rows = new StringJoiner(",");
    for (int age = 0; age <= 17; age++) {
      for (String sex : List.of("FEMALE", "MALE")) {
        rows.add("{\"sex\":\"%s\",\"age\":%d,\"count\":50}".formatted(sex, age));
      }
    }
    for (String commune : List.of("57101", "57102")) {
      assertThat(
              admin
                  .put("/api/v1/population/" + commune + "/" + year, "{\"rows\":[" + rows + "]}")
                  .status())
          .isEqualTo(204);
    }
    // Five children already found abused this year in the other commune: the dashboard shows 5.
    for (int i = 0; i < 5; i++) {
      abusedChildIn("57102", now.minusHours(6 + i));
    }
    prepared = true;
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  void user(String name, String role, String area) {
    ApiClient.Response r =
        admin()
            .put(
                "/api/v1/users/" + name,
                "{\"displayName\":\"%s\",\"roles\":[\"%s\"],\"areaCodes\":[\"%s\"],\"password\":\"%s\"}"
                    .formatted(displayName(name), role, area, password(name)));
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
  }

  static String displayName(String name) {
    return switch (name) {
      case "ui.operator" -> "Nguyễn Thị Tổng Đài";
      case "ui.worker" -> "Trần Văn Bảo Vệ";
      case "ui.worker.other" -> "Lê Thị Xã Bên";
      case "ui.supervisor" -> "Phạm Minh Giám Sát";
      default -> "Hoàng Thống Kê";
    };
  }

  static String password(String name) {
    return name + "-password-57";
  }

  void abusedChildIn(String commune, OffsetDateTime at) {
    ApiClient admin = admin();
    ApiClient.Response created =
        admin.post(
            "/api/v1/cases",
            """
            {"reportedAt":"%s","channel":"PHONE","areaCode":"%s",
             "child":{"fullName":"Trẻ Tổng Hợp","ageYears":8,"sex":"MALE","ethnicity":"01","disability":false},
             "suspectedForms":["NEGLECT"],"seriousDanger":false,"description":"synthetic"}
            """
                .formatted(at, commune));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String base = "/api/v1/cases/" + created.json().get("id").asText();
    assertThat(
            admin.post(base + "/assignment", "{\"workerUsername\":\"ui.worker.other\"}").status())
        .isEqualTo(200);
    assertThat(
            admin
                .post(
                    base + "/initial-assessment",
                    "{\"assessedAt\":\"%s\",\"riskLevel\":\"MEDIUM\"}"
                        .formatted(at.plusMinutes(30)))
                .status())
        .isEqualTo(200);
    assertThat(
            admin
                .post(
                    base + "/assessment",
                    "{\"assessedAt\":\"%s\",\"abuseConfirmed\":true,\"confirmedForms\":[\"NEGLECT\"]}"
                        .formatted(at.plusMinutes(60)))
                .status())
        .isEqualTo(200);
  }

  String abusedChildrenOnTheDashboard() {
    browser.open("/statistics?plan=" + PLAN + "&area=57&year=" + year);
    return browser.find("#indicators tr[data-measure='abused-children'] td.numerator").getText();
  }

  @Test
  void a_call_becomes_a_case_that_is_assessed_planned_approved_and_counted() throws Exception {
    BrowserSession b = browser;
    b.console();

    // The statistician's figure before.
    b.signIn("ui.statistician", password("ui.statistician"));
    assertThat(b.driver.getCurrentUrl()).endsWith("/statistics");
    await().atMost(Duration.ofSeconds(15)).until(() -> abusedChildrenOnTheDashboard().equals("5"));

    // The operator: a first call from a number, then a second one, which is escalated.
    b.driver.manage().deleteAllCookies();
    b.open("/");
    b.find("#username");
    b.screenshot("01-login");
    b.signIn("ui.operator", password("ui.operator"));
    assertThat(b.driver.getCurrentUrl()).endsWith("/hotline");
    takeCall(b, now.minusMinutes(5), "Trẻ hàng xóm bị đánh (tổng hợp)");
    b.find("#contact-saved");
    assertThat(b.driver.findElements(By.id("repeat-caller"))).isEmpty();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              b.open("/hotline");
              return b.find("#today-contacts").getText();
            },
            text -> text.contains("57101"));
    b.screenshot("02-hotline-intake");
    takeCall(b, now, "Gọi lại: trẻ vẫn bị đánh (tổng hợp)");
    assertThat(b.find("#repeat-caller").getText()).contains("1 lần trong 30 ngày");
    // issue 19, point 9: the earlier call one click away, the escalation started from the call
    assertThat(b.find("#earlier-contacts").findElements(By.cssSelector("a"))).isNotEmpty();
    assertThat(b.field("escalation-form", "description").getAttribute("value"))
        .isEqualTo("Gọi lại: trẻ vẫn bị đánh (tổng hợp)");
    b.type("escalation-form", "areaCode", "57101");
    b.type("escalation-form", "child.fullName", "Đặng Thị Giao Diện");
    b.type("escalation-form", "child.ageYears", "9");
    b.choose("escalation-form", "child.sex", "FEMALE");
    b.check("escalation-form", "suspectedForms", "VIOLENCE");
    b.check("escalation-form", "seriousDanger", "true");
    b.type("escalation-form", "description", "Hàng xóm nghe tiếng khóc (tổng hợp)");
    b.screenshot("03-hotline-escalation");
    b.submit("escalation-form");
    String caseId = b.find("#escalated").getAttribute("data-case");
    assertThat(caseId).isNotBlank();
    // the reference the operator gives the caller: the case's short number
    String number = caseId.substring(caseId.length() - 7).toUpperCase();
    assertThat(b.find("#case-reference").getText()).contains(number);

    // The worker of 57101: the case tops the worklist, with its 12-hour clock.
    b.signIn("ui.worker", password("ui.worker"));
    assertThat(b.driver.getCurrentUrl()).endsWith("/cases");
    WebElement first =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> {
                  b.open("/cases");
                  return b.find("table.cases tbody tr");
                },
                row -> caseId.equals(row.getAttribute("data-case")));
    assertThat(first.getText()).contains("12 giờ");
    // issue 19, point 4: the case number, the child's name and the commune by name
    assertThat(first.getText()).contains(number, "Đặng Thị Giao Diện", "Xã Hoà Bình 57101");
    b.screenshot("04-worklist");
    first.findElement(By.cssSelector("a")).click();
    b.find("#assignment-form");
    b.submit("assignment-form");
    assertThat(b.find("#step-done").getText()).isEqualTo("Đã phân công.");

    // A time in the future: the API's message, in Vietnamese, next to the field.
    b.type("initial-assessment-form", "assessedAt", now.plusDays(1).format(TIME));
    b.choose("initial-assessment-form", "riskLevel", "HIGH");
    b.submit("initial-assessment-form");
    WebElement error = b.find("#initial-assessment-form .field-error");
    assertThat(error.getText()).isEqualTo("Ngày giờ không được ở tương lai.");
    assertThat(b.field("initial-assessment-form", "assessedAt").getAttribute("aria-invalid"))
        .isEqualTo("true");
    b.screenshot("06-case-validation-message");
    b.type("initial-assessment-form", "assessedAt", OffsetDateTime.now(VN).format(TIME));
    b.type("initial-assessment-form", "emergencyMeasures", "Đưa trẻ về nhà bà ngoại");
    b.submit("initial-assessment-form");
    assertThat(b.find("#step-done").getText()).isEqualTo("Đã ghi nhận đánh giá ban đầu.");

    b.check("assessment-form", "abuseConfirmed", "true");
    b.check("assessment-form", "confirmedForms", "VIOLENCE");
    b.submit("assessment-form");
    assertThat(b.find("#step-done").getText()).isEqualTo("Đã ghi nhận đánh giá chi tiết.");

    b.type("plan-form", "goals", "An toàn, chăm sóc y tế, hỗ trợ tâm lý");
    b.choose("plan-form", "interventions[0].type", "MEDICAL");
    b.type("plan-form", "interventions[0].provider", "Trạm y tế xã");
    b.type("plan-form", "interventions[0].dueOn", LocalDate.now(VN).plusDays(7).format(DATE));
    b.choose("plan-form", "interventions[1].type", "PSYCHOSOCIAL");
    b.type("plan-form", "interventions[1].provider", "Cộng tác viên");
    b.type("plan-form", "interventions[1].dueOn", LocalDate.now(VN).plusDays(14).format(DATE));
    b.submit("plan-form");
    assertThat(b.find("#step-done").getText()).isEqualTo("Đã trình kế hoạch hỗ trợ, can thiệp.");
    assertThat(b.find("#timeline").getText())
        .contains("Tiếp nhận thông tin báo cáo", "Đánh giá ban đầu", "Trình kế hoạch");
    b.screenshot("05-case");
    b.find("#child-link").click();
    b.find("#circumstance-form");
    assertThat(b.find("main h1").getText()).isEqualTo("Đặng Thị Giao Diện");
    b.choose("circumstance-form", "group", "SC03");
    b.submit("circumstance-form");
    assertThat(b.find("#circumstances").getText()).contains(LocalDate.now(VN).format(DATE));
    b.type("support-form", "kind", "Hỗ trợ tâm lý");
    b.type("support-form", "amountVnd", "500.000");
    b.submit("support-form");
    assertThat(b.find("#support").getText()).contains("Hỗ trợ tâm lý", "500.000");
    b.screenshot("07-child");
    b.driver.manage().window().setSize(BrowserSession.PHONE);
    b.open("/cases/" + caseId);
    b.find("#timeline");
    b.screenshot("13-case-phone");
    b.driver.manage().window().setSize(BrowserSession.DESKTOP);
    b.open("/cases/new");
    b.find("#child-search").sendKeys("dang thi giao");
    assertThat(b.find("#child-results fieldset").getText()).contains("Đặng Thị Giao Diện");
    assertThat(b.console()).as("console after the duplicate search").isEmpty();
    b.screenshot("08-report-duplicate-search");

    // The supervisor approves the plan.
    b.signIn("ui.supervisor", password("ui.supervisor"));
    assertThat(b.driver.getCurrentUrl()).endsWith("/supervision");
    WebElement waiting =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> {
                  b.open("/supervision");
                  return b.find("#plans-waiting");
                },
                table ->
                    !table
                        .findElements(By.cssSelector("tr[data-case='" + caseId + "']"))
                        .isEmpty());
    b.screenshot("09-supervision");
    waiting.findElement(By.cssSelector("tr[data-case='" + caseId + "'] a")).click();
    // the supervisor reads the plan before approving it (issue 19)
    assertThat(b.find("#plan-review-goals").getText())
        .isEqualTo("An toàn, chăm sóc y tế, hỗ trợ tâm lý");
    assertThat(b.find("#plan-review").getText()).contains("Trạm y tế xã", "Cộng tác viên");
    b.find("#plan-return-form");
    b.submit("approval-form");
    assertThat(b.find("#step-done").getText()).isEqualTo("Đã phê duyệt kế hoạch.");

    // The statistician sees one more abused child.
    b.signIn("ui.statistician", password("ui.statistician"));
    await().atMost(Duration.ofSeconds(15)).until(() -> abusedChildrenOnTheDashboard().equals("6"));
    // one chart per unit, each drawn, none mixing two units on one axis (issue 19, point 10)
    b.wait.until(
        d -> {
          var charts = d.findElements(By.cssSelector("canvas.chart"));
          return !charts.isEmpty()
              && charts.stream().allMatch(c -> "true".equals(c.getAttribute("data-drawn")));
        });
    List<String> captions =
        b.driver.findElements(By.cssSelector(".charts figcaption")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(captions).doesNotHaveDuplicates().anyMatch(c -> c.endsWith("%"));
    b.screenshot("10-dashboard");
    assertThat(b.console()).as("console on the dashboard").isEmpty();
    b.open("/statistics/explorer?measure=cases-reported&area=57&by=form");
    assertThat(b.find("#explorer-total").getText()).isEqualTo("6");
    b.find("#explorer-table");
    b.screenshot("11-explorer");
    // htmx: another breakdown replaces the result in place.
    WebElement before = b.find("#explorer-result");
    b.choose("explorer-form", "by", "sex");
    b.find("#explorer-show").click();
    b.wait.until(d -> BrowserSession.gone(before));
    assertThat(b.find("#explorer-table").getText()).contains("Nữ", "Nam");
    assertThat(b.console()).as("console after the explorer's swap").isEmpty();
    b.open("/statistics/reports");
    b.find("#reports-form");
    b.screenshot("12-reports");
    // The download, with the browser's session: the API's XLSX.
    HttpResponse<byte[]> xlsx =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            b.base
                                + "/statistics/reports/download?plan="
                                + PLAN
                                + "&period="
                                + year
                                + "&area=57&format=xlsx"))
                    .header(
                        "Cookie",
                        "CPMS_SESSION="
                            + b.driver.manage().getCookieNamed("CPMS_SESSION").getValue())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
    assertThat(xlsx.body()).startsWith((byte) 'P', (byte) 'K');

    // Nothing refused by the Content-Security-Policy, no script error, on any page so far.
    assertThat(b.console()).isEmpty();

    // The worker of the other commune cannot open the case, nor sees it.
    b.signIn("ui.worker.other", password("ui.worker.other"));
    b.open("/cases/" + caseId);
    assertThat(b.find("#problem-title").getText()).isEqualTo("Không tìm thấy");
    b.open("/cases");
    assertThat(b.find("table.cases").findElements(By.cssSelector("tr[data-case='" + caseId + "']")))
        .isEmpty();
  }

  /** An intake by keyboard: the topic has the focus, Tab between fields, Enter saves. */
  void takeCall(BrowserSession b, OffsetDateTime at, String summary) {
    b.open("/hotline");
    WebElement topic = b.find("#contact-topic");
    assertThat(b.driver.switchTo().activeElement()).isEqualTo(topic);
    b.type("contact-form", "receivedAt", at.format(TIME));
    b.choose("contact-form", "topic", "VIOLENCE.PHYSICAL");
    b.choose("contact-form", "callerType", "NEIGHBOUR");
    b.type("contact-form", "areaCode", "57101");
    b.type("contact-form", "callerPhone", PHONE);
    b.choose("contact-form", "childSex", "FEMALE");
    b.type("contact-form", "summary", summary);
    WebElement age = b.field("contact-form", "childAgeYears");
    age.sendKeys("9", Keys.ENTER);
    b.wait.until(d -> BrowserSession.gone(age));
    b.wait.until(d -> d.getCurrentUrl().contains("/hotline/contacts/"));
  }

  @Test
  void the_login_form_refuses_a_wrong_password_switches_to_english_and_sends_security_headers()
      throws Exception {
    BrowserSession b = browser;
    b.driver.manage().deleteAllCookies();
    b.open("/login");
    b.find("#username").sendKeys("ui.operator");
    b.find("#password").sendKeys("wrong-password");
    b.find("#sign-in").click();
    assertThat(b.find("#login-error").getText())
        .isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
    b.find("#lang-en").click();
    assertThat(b.find("#sign-in").getText()).isEqualTo("Sign in");
    b.find("#lang-vi").click();
    assertThat(b.find("#sign-in").getText()).isEqualTo("Đăng nhập");

    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(b.base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'", "style-src 'self'");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));
    // A form posted without its CSRF token is refused.
    HttpResponse<String> forged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(b.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "username=admin&password=" + ADMIN_PASSWORD))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    // The API keeps HTTP Basic and its problem details, without a session.
    assertThat(anonymous().get("/api/v1/cases").status()).isEqualTo(401);
  }
}
