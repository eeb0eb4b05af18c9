package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseAssessedEvent;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.IncidentRecordedEvent;
import vn.cpms.kernel.children.IncidentType;
import vn.cpms.kernel.children.InjuryCause;
import vn.cpms.kernel.children.Sex;

/**
 * Indicators of the plans against their targets, from cases and population (and another sector's
 * figure), in a synthetic commune 63001 with 1,600 children aged 0–15.
 */
class IndicatorsIT extends ApplicationIT {
  static final String AREA = "63001";
  static final Instant RECORDED = Instant.parse("2026-01-10T03:00:00Z");
  static boolean loaded;
  static Instant populationRecorded;

  @Autowired EventStore events;

  void publish(String type, Object id, long seq, Object payload) {
    events.publish(
        new GenericDomainEventMessage<>(
            type,
            id.toString(),
            seq,
            payload,
            MetaData.emptyInstance(),
            UUID.randomUUID().toString(),
            RECORDED));
  }

  static ChildFacts child(int age) {
    return new ChildFacts(Sex.MALE, age, Ethnicity.of("01"), false);
  }

  static Instant day(String date) {
    return LocalDate.parse(date).atTime(9, 0).atZone(vn.cpms.kernel.VietnamTime.ZONE).toInstant();
  }

  @BeforeEach
  void load() {
    if (loaded) {
      return;
    }
    StringJoiner rows = new StringJoiner(",");
    for (int age = 0; age <= 17; age++) {
      for (String sex : List.of("FEMALE", "MALE")) {
        rows.add("{\"sex\":\"%s\",\"age\":%d,\"count\":50}".formatted(sex, age));
      }
    }
    populationRecorded = Instant.now();
    assertThat(
            admin()
                .put("/api/v1/population/" + AREA + "/2025", "{\"rows\":[" + rows + "]}")
                .status())
        .isEqualTo(204);
    // 3 abused children in 2025
    for (int i = 0; i < 3; i++) {
      CaseId id = CaseId.random();
      publish(
          "ChildCase",
          id,
          0,
          new CaseReportedEvent(
              id,
              ChildId.random(),
              day("2025-04-01"),
              Channel.PHONE,
              AreaCode.of(AREA),
              List.of(AbuseForm.VIOLENCE),
              false,
              null,
              null,
              child(9),
              day("2025-04-02"),
              null));
      publish(
          "ChildCase",
          id,
          1,
          new CaseAssessedEvent(id, day("2025-04-03"), true, List.of(AbuseForm.VIOLENCE), null));
    }
    // 2 injured children in 2025; 4 child marriages in 2024, 3 in 2025
    for (int i = 0; i < 2; i++) {
      ChildId c = ChildId.random();
      publish(
          "Child",
          c,
          0,
          new IncidentRecordedEvent(
              c,
              UUID.randomUUID(),
              IncidentType.INJURY,
              LocalDate.parse("2025-06-01"),
              AreaCode.of(AREA),
              InjuryCause.FALL,
              false,
              null,
              child(5)));
    }
    for (int i = 0; i < 7; i++) {
      ChildId c = ChildId.random();
      String on = i < 4 ? "2024-05-01" : "2025-05-01";
      publish(
          "Child",
          c,
          0,
          new IncidentRecordedEvent(
              c,
              UUID.randomUUID(),
              IncidentType.CHILD_MARRIAGE,
              LocalDate.parse(on),
              AreaCode.of(AREA),
              null,
              false,
              null,
              child(15)));
    }
    assertThat(
            admin()
                .put(
                    "/api/v1/figures/" + AREA + "/2024/T8a",
                    "{\"numerator\":95,\"denominator\":100}")
                .status())
        .isEqualTo(204);
    loaded = true;
  }

  JsonNode indicator(ApiClient api, String plan, String area, int year, String code, Instant asOf) {
    String url =
        "/api/v1/indicators?plan="
            + plan
            + "&area="
            + area
            + "&year="
            + year
            + (asOf == null
                ? ""
                : "&asOf="
                    + URLEncoder.encode(
                        asOf.atOffset(java.time.ZoneOffset.UTC).toString(),
                        StandardCharsets.UTF_8));
    ApiClient.Response response = api.get(url);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    for (JsonNode i : response.json()) {
      if (i.get("code").asText().equals(code)) {
        return i;
      }
    }
    throw new AssertionError("no indicator " + code);
  }

  JsonNode awaitIndicator(String plan, int year, String code, double value) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> indicator(admin(), plan, AREA, year, code, null),
            i -> i.get("value").asDouble() == value);
  }

  @Test
  void abused_children_3_of_1600_is_0_19_percent_on_track_for_below_4_5_percent() {
    JsonNode ct9 = awaitIndicator("quang-ninh-2021-2030", 2025, "CT9", 0.19);
    assertThat(ct9.get("numerator").asDouble()).isEqualTo(3);
    assertThat(ct9.get("denominator").asDouble()).isEqualTo(1600);
    assertThat(ct9.get("target").asDouble()).isEqualTo(4.5);
    assertThat(ct9.get("targetYear").asInt()).isEqualTo(2025);
    assertThat(ct9.get("status").asText()).isEqualTo("ON_TRACK");
    assertThat(ct9.get("source").asText()).isEqualTo("CASES");
  }

  @Test
  void injuries_2_of_1600_are_125_per_100000_within_550() {
    JsonNode ct11a = awaitIndicator("quang-ninh-2021-2030", 2025, "CT11a", 125.0);
    assertThat(ct11a.get("status").asText()).isEqualTo("ON_TRACK");
  }

  @Test
  void child_marriages_falling_from_4_to_3_is_a_25_percent_reduction_on_track() {
    JsonNode ct13 = awaitIndicator("quang-ninh-2021-2030", 2025, "CT13", -25.0);
    assertThat(ct13.get("numerator").asDouble()).isEqualTo(3);
    assertThat(ct13.get("denominator").asDouble()).isEqualTo(4);
    assertThat(ct13.get("status").asText()).isEqualTo("ON_TRACK");
  }

  @Test
  void without_population_the_rate_is_null_and_no_data() {
    JsonNode ct9 = indicator(admin(), "quang-ninh-2021-2030", "63002", 2025, "CT9", null);
    assertThat(ct9.get("value").isNull()).isTrue();
    assertThat(ct9.get("status").asText()).isEqualTo("NO_DATA");
    JsonNode before =
        indicator(
            admin(),
            "quang-ninh-2021-2030",
            AREA,
            2025,
            "CT9",
            populationRecorded.minusSeconds(3600));
    assertThat(before.get("status").asText())
        .as("as of before the population was recorded")
        .isEqualTo("NO_DATA");
  }

  @Test
  void another_sectors_figure_feeds_its_indicator() {
    JsonNode birth =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> indicator(admin(), "quang-nam-2024", AREA, 2024, "T8a", null),
                i -> !i.get("value").isNull());
    assertThat(birth.get("value").asDouble()).isEqualTo(95.0);
    assertThat(birth.get("source").asText()).isEqualTo("FIGURES");
    assertThat(birth.get("status").asText()).isEqualTo("ON_TRACK");
  }

  @Test
  void a_statistician_sees_the_rate_on_3_children_suppressed() {
    awaitIndicator("quang-ninh-2021-2030", 2025, "CT9", 0.19);
    admin()
        .put(
            "/api/v1/users/statistician.63",
            "{\"displayName\":\"S\",\"roles\":[\"STATISTICIAN\"],\"areaCodes\":[\"63001\"],\"password\":\"statistician-password\"}");
    JsonNode ct9 =
        indicator(
            new ApiClient(port, "statistician.63", "statistician-password"),
            "quang-ninh-2021-2030",
            AREA,
            2025,
            "CT9",
            null);
    assertThat(ct9.get("value").isNull()).isTrue();
    assertThat(ct9.get("numerator").isNull()).isTrue();
    assertThat(ct9.get("suppressed").asBoolean()).isTrue();
    ApiClient.Response report =
        new ApiClient(port, "statistician.63", "statistician-password")
            .get("/api/v1/reports/quang-ninh-2021-2030/2025?area=" + AREA);
    assertThat(report.status()).as("statisticians download reports").isEqualTo(200);
    assertThat(report.raw().body()).containsPattern("(?m)^CT9,.*Ẩn \\(số nhỏ\\)");
  }

  @Test
  void the_catalogue_lists_the_five_plans_and_their_indicators() {
    JsonNode plans = admin().get("/api/v1/plans").json();
    assertThat(plans.findValuesAsText("id"))
        .contains("quang-ninh-2021-2030", "luong-minh-2026-2030");
    JsonNode plan = admin().get("/api/v1/plans/quang-ninh-2021-2030").json();
    assertThat(plan.get("indicators").findValuesAsText("code")).contains("CT9", "CT11a", "CT11b");
    assertThat(admin().get("/api/v1/plans/no-such-plan").status()).isEqualTo(404);
    assertThat(
            admin()
                .put(
                    "/api/v1/population/" + AREA + "/2025",
                    "{\"rows\":[{\"sex\":\"X\",\"age\":30,\"count\":-1}]}")
                .status())
        .isEqualTo(422);
  }

  @Test
  void the_annual_report_as_csv_has_vietnamese_headers_every_indicator_and_its_as_of() {
    awaitIndicator("quang-ninh-2021-2030", 2025, "CT9", 0.19);
    ApiClient.Response csv =
        admin().get("/api/v1/reports/quang-ninh-2021-2030/2025?area=" + AREA + "&format=csv");
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("bao-cao-quang-ninh-2021-2030-2025");
    String body = csv.raw().body();
    assertThat(body).contains("Số liệu tính đến (asOf)", "Mã,Chỉ tiêu,Đơn vị", "Phân tổ theo");
    assertThat(body).containsPattern("(?m)^CT9,.*,3,1600,0\\.19,Đạt,CASES");
    assertThat(body).contains("abused-children,sex,MALE,3");
  }

  /**
   * Issue 19, point 10: a CSV of one table opens in Vietnamese Excel as a table (semicolons,
   * decimal commas) with labels instead of codes, and in English with commas and points.
   */
  @Test
  void a_csv_table_is_labelled_in_the_reader_s_language_for_its_excel() {
    awaitIndicator("quang-ninh-2021-2030", 2025, "CT9", 0.19);
    String path = "/api/v1/reports/quang-ninh-2021-2030/2025?area=" + AREA + "&format=csv&table=";
    ApiClient.Response indicators = admin().get(path + "indicators");
    assertThat(indicators.status()).as(indicators.toString()).isEqualTo(200);
    assertThat(indicators.header("Content-Disposition")).contains("-indicators.csv");
    String body = indicators.raw().body();
    assertThat(body).startsWith("\uFEFFMã;Chỉ tiêu;Đơn vị;Chỉ tiêu kế hoạch;");
    assertThat(body)
        .containsPattern("(?m)^CT9;Giảm tỷ lệ trẻ em bị xâm hại[^;]*;%;.*;3;1600;0,19;Đạt;")
        .doesNotContain("PERCENT", "CASES", "Thông tin", "Phân tổ theo");

    String breakdown = admin().get(path + "breakdown").raw().body();
    assertThat(breakdown)
        .startsWith("\uFEFFSố liệu;Phân tổ theo;Nhóm;Số lượng")
        .contains("Số trẻ em bị xâm hại;Giới tính;Nam;3")
        .doesNotContain("abused-children", "MALE");

    String english = admin().inLanguage("en").get(path + "indicators").raw().body();
    assertThat(english)
        .startsWith("\uFEFFCode,Indicator,Unit,")
        .containsPattern("(?m)^CT9,.*,3,1600,0\\.19,On track,From the cases,");
    assertThat(admin().inLanguage("en").get(path + "breakdown").raw().body())
        .contains("Abused children,Sex,Male,3");

    assertThat(admin().get(path + "everything").status()).isEqualTo(422);
  }

  @Test
  void an_infant_mortality_of_5_in_1000_live_births_is_5_per_1000_within_6_point_5() {
    // Revision 2, rule 5: a figure belongs to one plan's indicator and is read in its unit.
    ApiClient.Response put =
        admin()
            .put(
                "/api/v1/figures/" + AREA + "/2025/quang-ninh-2021-2030/CT3a",
                "{\"numerator\":5,\"denominator\":1000}");
    assertThat(put.status()).as(put.toString()).isEqualTo(204);
    JsonNode ct3a =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> indicator(admin(), "quang-ninh-2021-2030", AREA, 2025, "CT3a", null),
                i -> !i.get("value").isNull());
    assertThat(ct3a.get("unit").asText()).isEqualTo("PER_1000_LIVE_BIRTHS");
    assertThat(ct3a.get("value").asDouble()).isEqualTo(5.0);
    assertThat(ct3a.get("status").asText()).isEqualTo("ON_TRACK");
    assertThat(
            indicator(admin(), "luong-minh-2026-2030", AREA, 2025, "CT3a", null)
                .get("value")
                .isNull())
        .as("the same code in another plan is another indicator")
        .isTrue();
  }

  @Test
  void a_province_without_its_own_figure_rolls_up_its_communes_and_shows_the_coverage() {
    defineArea("64", "PROVINCE", null);
    for (String commune : List.of("64001", "64002", "64003")) {
      defineArea(commune, "COMMUNE", "64");
    }
    assertThat(
            admin()
                .put(
                    "/api/v1/figures/64001/2024/quang-nam-2024/T8a",
                    "{\"numerator\":45,\"denominator\":50}")
                .status())
        .isEqualTo(204);
    assertThat(
            admin()
                .put(
                    "/api/v1/figures/64002/2024/quang-nam-2024/T8a",
                    "{\"numerator\":46,\"denominator\":50}")
                .status())
        .isEqualTo(204);
    JsonNode t8a =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> indicator(admin(), "quang-nam-2024", "64", 2024, "T8a", null),
                i -> i.get("numerator").asDouble() == 91.0);
    assertThat(t8a.get("denominator").asDouble()).isEqualTo(100.0);
    assertThat(t8a.get("value").asDouble())
        .as("91 of 100 births registered on time")
        .isEqualTo(91.0);
    assertThat(t8a.get("status").asText()).as("above 90 %").isEqualTo("ON_TRACK");
    assertThat(t8a.get("coverage").get("communes").asInt()).isEqualTo(2);
    assertThat(t8a.get("coverage").get("of").asInt()).isEqualTo(3);
    assertThat(t8a.get("partial").asBoolean()).isTrue();

    // A merged commune (64003 into 64002 on 1 July 2025) still counts among the communes of
    // 2024, which it was on 1 January; from 2026 the province has two.
    assertThat(
            admin()
                .post(
                    "/api/v1/areas/64003/succession",
                    "{\"successorCode\":\"64002\",\"effectiveOn\":\"2025-07-01\"}")
                .status())
        .isIn(200, 204);
    assertThat(
            admin()
                .put(
                    "/api/v1/figures/64001/2026/quang-nam-2024/T8a",
                    "{\"numerator\":48,\"denominator\":50}")
                .status())
        .isEqualTo(204);
    JsonNode after =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> indicator(admin(), "quang-nam-2024", "64", 2026, "T8a", null),
                i -> i.has("coverage") && i.get("coverage").get("of").asInt() == 2);
    assertThat(after.get("coverage").get("communes").asInt()).isEqualTo(1);
    assertThat(
            indicator(admin(), "quang-nam-2024", "64", 2024, "T8a", null)
                .get("coverage")
                .get("of")
                .asInt())
        .isEqualTo(3);
  }

  @Test
  void a_survey_figure_stands_for_a_case_derived_indicator_with_the_cases_value_beside_it() {
    awaitIndicator("quang-ninh-2021-2030", 2025, "CT9", 0.19);
    assertThat(
            admin()
                .put(
                    "/api/v1/figures/" + AREA + "/2025/luong-minh-2026-2030/CT9", "{\"value\":2.5}")
                .status())
        .isEqualTo(204);
    JsonNode ct9 =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> indicator(admin(), "luong-minh-2026-2030", AREA, 2025, "CT9", null),
                i -> "FIGURES".equals(i.get("source").asText()));
    assertThat(ct9.get("value").asDouble()).isEqualTo(2.5);
    assertThat(ct9.get("casesValue").asDouble()).isEqualTo(0.19);
    assertThat(ct9.get("casesNumerator").asDouble()).isEqualTo(3.0);
    assertThat(
            indicator(admin(), "quang-ninh-2021-2030", AREA, 2025, "CT9", null)
                .get("value")
                .asDouble())
        .as("only the plan the survey was given for")
        .isEqualTo(0.19);
  }

  @Test
  void a_figure_for_an_unknown_plan_or_indicator_is_not_found_and_money_is_whole_dong() {
    ApiClient admin = admin();
    assertThat(
            admin
                .put("/api/v1/figures/" + AREA + "/2024/no-such-plan/T8a", "{\"value\":1}")
                .status())
        .isEqualTo(404);
    assertThat(
            admin
                .put("/api/v1/figures/" + AREA + "/2024/quang-nam-2024/CT99", "{\"value\":1}")
                .status())
        .isEqualTo(404);
    assertThat(
            admin.put("/api/v1/figures/" + AREA + "/2024/NO-SUCH-CODE", "{\"value\":1}").status())
        .isEqualTo(404);
    ApiClient.Response fraction =
        admin.put("/api/v1/figures/" + AREA + "/2024/quang-nam-2024/T6", "{\"value\":1000.5}");
    assertThat(fraction.status()).as(fraction.toString()).isEqualTo(422);
    assertThat(fraction.json().get("errors").findValuesAsText("field")).containsExactly("value");
  }

  @Test
  void the_semi_annual_report_covers_the_decree_09_window_and_gives_no_status_against_the_year() {
    awaitIndicator("quang-ninh-2021-2030", 2025, "CT9", 0.19);
    String body =
        admin()
            .get("/api/v1/reports/quang-ninh-2021-2030/2025-H1?area=" + AREA + "&format=csv")
            .raw()
            .body();
    assertThat(body)
        .contains("2025-H1 (2024-12-15 – 2025-06-14)", "DECREE_09", "Nghị định 09/2019");
    assertThat(body)
        .as("3 abused children reported on 1 April: in the window; interim, no status")
        .containsPattern("(?m)^CT9,.*,3,1600,0\\.19,Giữa kỳ: chưa đánh giá");
    assertThat(body).doesNotContainPattern("(?m)^CT9,.*,Đạt,");

    String calendar =
        admin()
            .get(
                "/api/v1/reports/quang-ninh-2021-2030/2025-H1?area="
                    + AREA
                    + "&format=csv&window=calendar")
            .raw()
            .body();
    assertThat(calendar).contains("2025-H1 (2025-01-01 – 2025-06-30)", "CALENDAR");
    ApiClient.Response unknown =
        admin().get("/api/v1/reports/quang-ninh-2021-2030/2025-H1?area=" + AREA + "&window=lunar");
    assertThat(unknown.status()).isEqualTo(422);
  }

  @Test
  void the_semi_annual_report_as_xlsx_has_one_sheet_per_section() throws Exception {
    awaitIndicator("quang-ninh-2021-2030", 2025, "CT9", 0.19);
    java.net.http.HttpResponse<byte[]> xlsx =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://localhost:"
                                + port
                                + "/api/v1/reports/quang-ninh-2021-2030/2025-H1?area="
                                + AREA
                                + "&format=xlsx"))
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString(
                                    ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(xlsx.body()))) {
      assertThat(book.getSheetName(0)).isEqualTo("Thông tin");
      assertThat(book.getSheetName(1)).isEqualTo("Chỉ tiêu");
      assertThat(book.getSheetName(2)).isEqualTo("Phân tổ");
      org.apache.poi.ss.usermodel.Sheet indicators = book.getSheet("Chỉ tiêu");
      boolean found = false;
      for (org.apache.poi.ss.usermodel.Row row : indicators) {
        if (row.getCell(0) != null && "CT9".equals(row.getCell(0).getStringCellValue())) {
          // 3 abused children reported in April: in the first half, 3 of 1,600
          assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(3);
          assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(0.19);
          // labels, not codes (issue 19, point 10)
          assertThat(row.getCell(2).getStringCellValue()).isEqualTo("%");
          assertThat(row.getCell(9).getStringCellValue()).isEqualTo("Từ hồ sơ vụ việc");
          found = true;
        }
      }
      assertThat(found).isTrue();
    }
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(xlsx.body()))) {
      List<String> groups = new java.util.ArrayList<>();
      book.getSheet("Phân tổ").forEach(r -> groups.add(r.getCell(2).getStringCellValue()));
      assertThat(groups).contains("Nam", "0–5 tuổi").doesNotContain("MALE", "0-5");
    }
    assertThat(admin().get("/api/v1/reports/quang-ninh-2021-2030/2025-Q3").status()).isEqualTo(422);
    assertThat(admin().get("/api/v1/reports/no-plan/2025").status()).isEqualTo(404);
  }
}
