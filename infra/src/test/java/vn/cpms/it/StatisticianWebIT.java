package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The statistician's own work in a real headless Chromium (issue 14), on a synthetic province 73: a
 * population sheet and a figures sheet each with one bad row are refused with the row and the
 * reason in Vietnamese and nothing saved, then imported once corrected, and the indicator moves; a
 * commune is marked child-friendly; a fund contribution is recorded; the semi-annual report is
 * submitted and its file downloads again byte for byte; the dashboard shows it submitted.
 */
class StatisticianWebIT extends ApplicationIT {
  static final String USER = "ui.statistician.73";
  static final String PASSWORD = "ui-statistician-73-password";
  static BrowserSession browser;

  @TempDir Path files;

  @BeforeEach
  void prepare() {
    if (browser == null) {
      browser = new BrowserSession(port);
    }
    defineArea("73", "PROVINCE", null);
    defineArea("73001", "COMMUNE", "73");
    defineArea("73002", "COMMUNE", "73");
    defineUser(USER, PASSWORD, "STATISTICIAN", "73");
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  Path csv(String name, List<String> lines) throws Exception {
    Path file = files.resolve(name);
    Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    return file;
  }

  void upload(String kind, Path file) {
    BrowserSession b = browser;
    b.open("/statistics/data");
    b.choose("import-form", "kind", kind);
    b.field("import-form", "file").sendKeys(file.toString());
    b.submit("import-form");
  }

  byte[] fetch(String href) throws Exception {
    Cookie session = browser.driver.manage().getCookieNamed("CPMS_SESSION");
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "CPMS_SESSION=" + session.getValue())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  void a_statistician_imports_marks_records_and_submits_a_report_from_the_pages() throws Exception {
    BrowserSession b = browser;
    b.signIn(USER, PASSWORD);

    List<String> population = new java.util.ArrayList<>(List.of("areaCode,year,sex,age,count"));
    for (String commune : List.of("73001", "73002")) {
      for (String sex : List.of("FEMALE", "MALE")) {
        for (int age = 0; age <= 17; age++) {
          population.add(commune + ",2024," + sex + "," + age + ",25");
        }
      }
    }
    population.set(5, "73001,2024,FEMALE,mười,25"); // sheet row 6
    upload("population", csv("population-bad.csv", population));
    assertThat(b.find("#import-problem").getText()).contains("chưa có dòng nào được lưu");
    WebElement refused = b.find("#refused-rows tbody tr");
    assertThat(refused.getText()).contains("6", "age", "Cần một số nguyên.");
    b.screenshot("statistician-import-refused");

    population.set(5, "73001,2024,FEMALE,4,25");
    upload("population", csv("population.csv", population));
    assertThat(b.find("#imported").getText()).contains("72");

    List<String> figures =
        new java.util.ArrayList<>(
            List.of(
                "areaCode,year,planId,indicatorCode,numerator,denominator,value",
                "73001,2024,quang-nam-2024,T8a,45,50,",
                "73002,2024,quang-nam-2024,T8z,46,50,"));
    upload("figures", csv("figures-bad.csv", figures));
    assertThat(b.find("#refused-rows tbody tr").getText())
        .contains("3", "indicatorCode", "Kế hoạch không có chỉ tiêu với mã này.");
    figures.set(2, "73002,2024,quang-nam-2024,T8a,46,50,");
    upload("figures", csv("figures.csv", figures));
    assertThat(b.find("#imported").getText()).contains("2");

    b.open("/statistics?plan=quang-nam-2024&area=73&year=2024");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(15))
        .until(
            () -> {
              b.open("/statistics?plan=quang-nam-2024&area=73&year=2024");
              return b.find("#indicators tr[data-code='T8a'] .value").getText().startsWith("91");
            });

    b.open("/statistics/registers?area=73");
    b.choose("friendly-form", "communeCode", "73001");
    b.check("friendly-form", "childFriendly", "true");
    b.type("friendly-form", "decisionNumber", "15/QĐ-UBND");
    b.type("friendly-form", "decidedOn", "01/09/" + java.time.LocalDate.now().getYear());
    b.submit("friendly-form");
    assertThat(b.find("#friendly-communes tr[data-commune='73001'] .status").getText())
        .isEqualTo("Đạt");

    b.choose("entry-form", "area", "73");
    b.check("entry-form", "kind", "CONTRIBUTION");
    b.type("entry-form", "amountVnd", "5.000.000");
    b.type("entry-form", "source", "Doanh nghiệp tổng hợp");
    b.submit("entry-form");
    assertThat(b.find("#fund-contributions").getText()).isEqualTo("5.000.000 đ");
    b.screenshot("statistician-registers");

    b.open("/statistics/reports");
    b.choose("filing-form", "plan", "quang-nam-2024");
    b.type("filing-form", "period", "2024-H1");
    b.choose("filing-form", "area", "73");
    b.submit("filing-form");
    assertThat(b.find("#submitted").getText()).contains("lần 1");
    assertThat(b.find("#filings tr[data-area='73'] .state").getText()).isEqualTo("Đã nộp");
    String href = b.find("#filings tr[data-area='73'] a.download").getAttribute("href");
    byte[] first = fetch(href);
    Thread.sleep(1_100);
    assertThat(fetch(href)).as("the submitted file, byte for byte").isEqualTo(first);
    b.screenshot("statistician-report-filed");

    b.open("/statistics?plan=quang-nam-2024&area=73&year=2024");
    assertThat(
            b.driver
                .findElement(
                    By.cssSelector(
                        "#report-calendar tr[data-plan='quang-nam-2024'][data-period='2024-H1']"))
                .getAttribute("data-state"))
        .isEqualTo("SUBMITTED");
    assertThat(b.console())
        .as("no script error or refused resource (the browser's own favicon request aside)")
        .allMatch(message -> message.contains("favicon.ico"));
  }
}
