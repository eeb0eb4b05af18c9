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
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseAssessedEvent;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReopenedEvent;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.CaseStatus;
import vn.cpms.kernel.cases.CaseTransferredEvent;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.IncidentRecordedEvent;
import vn.cpms.kernel.children.IncidentType;
import vn.cpms.kernel.children.InjuryCause;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.children.SpecialCircumstance;
import vn.cpms.kernel.children.SpecialCircumstanceEndedEvent;
import vn.cpms.kernel.children.SpecialCircumstanceIdentifiedEvent;
import vn.cpms.kernel.children.SupportRecordedEvent;

/**
 * The measures of STATISTICS.md on small event histories built by hand, each in its own synthetic
 * area, with the instants at which each event was recorded under the test's control. Every test
 * states the expected number and why.
 */
class StatisticsIT extends ApplicationIT {
  @Autowired EventStore events;

  static final Instant RECORDED = Instant.parse("2026-01-10T03:00:00Z");

  void publish(String type, Object id, long sequence, Object payload, Instant recordedAt) {
    events.publish(
        new GenericDomainEventMessage<>(
            type,
            id.toString(),
            sequence,
            payload,
            MetaData.emptyInstance(),
            UUID.randomUUID().toString(),
            recordedAt));
  }

  static ChildFacts girl(Integer age) {
    return new ChildFacts(Sex.FEMALE, age, Ethnicity.of("01"), false);
  }

  static Instant at(String date) {
    return LocalDate.parse(date).atTime(9, 0).atZone(vn.cpms.kernel.VietnamTime.ZONE).toInstant();
  }

  CaseId report(ChildId child, String area, String date, Integer age, Instant recordedAt) {
    CaseId id = CaseId.random();
    publish(
        "ChildCase",
        id,
        0,
        new CaseReportedEvent(
            id,
            child,
            at(date),
            Channel.PHONE,
            AreaCode.of(area),
            List.of(AbuseForm.VIOLENCE),
            false,
            null,
            null,
            girl(age),
            at(date).plusSeconds(86400),
            null),
        recordedAt);
    return id;
  }

  void confirm(CaseId id, long seq, List<AbuseForm> forms, Instant recordedAt) {
    publish(
        "ChildCase", id, seq, new CaseAssessedEvent(id, recordedAt, true, forms, null), recordedAt);
  }

  JsonNode measure(String measure, String area, String from, String to, Instant asOf, String by) {
    String query =
        "/api/v1/statistics/"
            + measure
            + "?area="
            + area
            + "&from="
            + from
            + "&to="
            + to
            + (asOf == null
                ? ""
                : "&asOf="
                    + URLEncoder.encode(
                        asOf.atOffset(java.time.ZoneOffset.UTC).toString(), StandardCharsets.UTF_8))
            + (by == null ? "" : "&by=" + by);
    ApiClient.Response response = admin().get(query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  long total(String measure, String area, String from, String to, Instant asOf) {
    return measure(measure, area, from, to, asOf, null).get("total").asLong();
  }

  void awaitTotal(String measure, String area, String from, String to, long expected) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> total(measure, area, from, to, null) == expected);
  }

  @Test
  void a_child_with_two_confirmed_cases_in_a_year_is_one_abused_child_and_two_reported_cases() {
    ChildId child = ChildId.random();
    CaseId first = report(child, "61001", "2025-03-01", 9, RECORDED);
    CaseId second = report(child, "61001", "2025-09-01", 9, RECORDED);
    confirm(first, 1, List.of(AbuseForm.VIOLENCE), RECORDED);
    confirm(second, 1, List.of(AbuseForm.NEGLECT, AbuseForm.VIOLENCE), RECORDED);
    awaitTotal("abused-children", "61001", "2025-01-01", "2025-12-31", 1);
    assertThat(total("cases-reported", "61001", "2025-01-01", "2025-12-31", null)).isEqualTo(2);
    JsonNode byForm = measure("abused-children", "61001", "2025-01-01", "2025-12-31", null, "form");
    // one child, counted once in each confirmed form: VIOLENCE 1, NEGLECT 1 (rows add up to 2)
    assertThat(byForm.get("rows").findValuesAsText("form")).containsExactly("NEGLECT", "VIOLENCE");
    assertThat(byForm.get("rows").findValues("value")).allMatch(v -> v.asLong() == 1);
    JsonNode byMonth =
        measure("abused-children", "61001", "2025-01-01", "2025-12-31", null, "month");
    // by month the child counts once, in the month of the first qualifying case
    assertThat(byMonth.get("rows")).hasSize(1);
    assertThat(byMonth.get("rows").get(0).get("month").asText()).isEqualTo("2025-03");
  }

  @Test
  void a_confirmation_recorded_after_as_of_is_not_counted_as_of_then() {
    ChildId child = ChildId.random();
    CaseId id = report(child, "61002", "2025-05-01", 7, at("2025-05-01"));
    confirm(id, 1, List.of(AbuseForm.SEXUAL_ABUSE), at("2025-08-01"));
    awaitTotal("abused-children", "61002", "2025-01-01", "2025-12-31", 1);
    // as of 1 July 2025 the case was reported but not yet confirmed: 0 abused children
    assertThat(total("abused-children", "61002", "2025-01-01", "2025-12-31", at("2025-07-01")))
        .isZero();
    assertThat(total("cases-reported", "61002", "2025-01-01", "2025-12-31", at("2025-07-01")))
        .isEqualTo(1);
  }

  @Test
  void a_backdated_report_counts_in_its_month_once_recorded_and_not_before() {
    // reported about 28 Dec 2025, recorded on 5 Jan 2026
    report(ChildId.random(), "61003", "2025-12-28", 12, at("2026-01-05"));
    awaitTotal("cases-reported", "61003", "2025-12-01", "2025-12-31", 1);
    assertThat(total("cases-reported", "61003", "2025-12-01", "2025-12-31", at("2025-12-31")))
        .isZero();
    assertThat(total("cases-reported", "61003", "2025-12-01", "2025-12-31", at("2026-01-06")))
        .isEqualTo(1);
  }

  @Test
  void a_transferred_case_stays_in_the_area_of_its_report() {
    ChildId child = ChildId.random();
    CaseId id = report(child, "61004", "2025-04-01", 10, RECORDED);
    publish(
        "ChildCase",
        id,
        1,
        new CaseTransferredEvent(id, AreaCode.of("61004"), AreaCode.of("61005"), "moved", RECORDED),
        RECORDED);
    awaitTotal("cases-reported", "61004", "2025-01-01", "2025-12-31", 1);
    assertThat(total("cases-reported", "61005", "2025-01-01", "2025-12-31", null)).isZero();
  }

  @Test
  void cases_about_16_and_17_year_olds_count_as_cases_but_not_as_abused_children() {
    // Revision 2, rule 1: measures of cases count every age; measures of children under 16 only.
    CaseId sixteen = report(ChildId.random(), "61006", "2025-06-01", 16, RECORDED);
    CaseId unknown = report(ChildId.random(), "61006", "2025-06-01", null, RECORDED);
    CaseId fifteen = report(ChildId.random(), "61006", "2025-06-01", 15, RECORDED);
    for (CaseId id : List.of(sixteen, unknown, fifteen)) {
      confirm(id, 1, List.of(AbuseForm.VIOLENCE), RECORDED);
    }
    awaitTotal("cases-reported", "61006", "2025-01-01", "2025-12-31", 3);
    JsonNode byAge =
        measure("cases-reported", "61006", "2025-01-01", "2025-12-31", null, "ageGroup");
    assertThat(byAge.get("rows").findValuesAsText("ageGroup"))
        .containsExactly("11-15", "16-17", "unknown");
    awaitTotal("abused-children", "61006", "2025-01-01", "2025-12-31", 2);
    assertThat(total("cases-open", "61006", "2025-01-01", "2025-12-31", null))
        .as("a case of a 16-year-old is open like any other")
        .isEqualTo(3);
  }

  @Test
  void a_child_marriage_at_17_counts_like_one_at_15() {
    // Revision 2, rule 2: child-marriages counts every recorded child marriage.
    for (int age : new int[] {15, 17}) {
      ChildId bride = ChildId.random();
      publish(
          "Child",
          bride,
          0,
          new IncidentRecordedEvent(
              bride,
              UUID.randomUUID(),
              IncidentType.CHILD_MARRIAGE,
              LocalDate.parse("2025-03-01"),
              AreaCode.of("61010"),
              null,
              false,
              null,
              girl(age)),
          RECORDED);
    }
    awaitTotal("child-marriages", "61010", "2025-01-01", "2025-12-31", 2);
    JsonNode byAge =
        measure("child-marriages", "61010", "2025-01-01", "2025-12-31", null, "ageGroup");
    assertThat(byAge.get("rows").findValuesAsText("ageGroup")).containsExactly("11-15", "16-17");
  }

  @Test
  void cases_open_at_the_end_of_a_period_follow_closures_and_reopenings_as_known_then() {
    Instant reported = at("2025-02-01");
    Instant closedAt = at("2025-03-01");
    CaseId closed = report(ChildId.random(), "61007", "2025-02-01", 8, reported);
    CaseId reopened = report(ChildId.random(), "61007", "2025-02-01", 8, reported);
    report(ChildId.random(), "61007", "2025-02-01", 8, reported); // never closed
    publish(
        "ChildCase",
        closed,
        1,
        new CaseClosedEvent(closed, LocalDate.parse("2025-03-01"), ClosureReason.SAFE),
        closedAt);
    publish(
        "ChildCase",
        reopened,
        1,
        new CaseClosedEvent(reopened, LocalDate.parse("2025-03-01"), ClosureReason.SAFE),
        closedAt);
    publish(
        "ChildCase",
        reopened,
        2,
        new CaseReopenedEvent(
            reopened, LocalDate.parse("2025-05-01"), "new report", CaseStatus.REPORTED),
        at("2025-05-02"));
    awaitTotal("cases-closed", "61007", "2025-01-01", "2025-12-31", 2);
    // end of April: the reopened case is still closed: 1 open
    assertThat(total("cases-open", "61007", "2025-04-01", "2025-04-30", null)).isEqualTo(1);
    // end of June: reopened: 2 open
    assertThat(total("cases-open", "61007", "2025-06-01", "2025-06-30", null)).isEqualTo(2);
    // end of June as known on 1 May (the reopening was recorded on 2 May): 1 open
    assertThat(total("cases-open", "61007", "2025-06-01", "2025-06-30", at("2025-05-01")))
        .isEqualTo(1);
    // as known on 1 February, before the reports were recorded at 09:00: none
    assertThat(
            total(
                "cases-open",
                "61007",
                "2025-06-01",
                "2025-06-30",
                at("2025-02-01").minusSeconds(60)))
        .isZero();
  }

  @Test
  void injuries_and_deaths_count_children_marriages_count_events() {
    ChildId child = ChildId.random();
    publish(
        "Child",
        child,
        0,
        new IncidentRecordedEvent(
            child,
            UUID.randomUUID(),
            IncidentType.INJURY,
            LocalDate.parse("2025-07-01"),
            AreaCode.of("61008"),
            InjuryCause.DROWNING,
            false,
            null,
            girl(6)),
        RECORDED);
    publish(
        "Child",
        child,
        1,
        new IncidentRecordedEvent(
            child,
            UUID.randomUUID(),
            IncidentType.INJURY,
            LocalDate.parse("2025-08-01"),
            AreaCode.of("61008"),
            InjuryCause.TRAFFIC,
            true,
            null,
            girl(6)),
        RECORDED);
    ChildId bride = ChildId.random();
    publish(
        "Child",
        bride,
        0,
        new IncidentRecordedEvent(
            bride,
            UUID.randomUUID(),
            IncidentType.CHILD_MARRIAGE,
            LocalDate.parse("2025-03-01"),
            AreaCode.of("61008"),
            null,
            false,
            null,
            girl(15)),
        RECORDED);
    publish(
        "Child",
        bride,
        1,
        new IncidentRecordedEvent(
            bride,
            UUID.randomUUID(),
            IncidentType.CHILD_MARRIAGE,
            LocalDate.parse("2025-09-01"),
            AreaCode.of("61008"),
            null,
            false,
            null,
            girl(15)),
        RECORDED);
    awaitTotal("child-marriages", "61008", "2025-01-01", "2025-12-31", 2);
    assertThat(total("injured-children", "61008", "2025-01-01", "2025-12-31", null)).isEqualTo(1);
    assertThat(total("injury-deaths", "61008", "2025-01-01", "2025-12-31", null)).isEqualTo(1);
    JsonNode byCause =
        measure("injured-children", "61008", "2025-01-01", "2025-12-31", null, "injuryCause");
    assertThat(byCause.get("rows").findValuesAsText("injuryCause"))
        .containsExactly("DROWNING", "TRAFFIC");
  }

  @Test
  void a_special_circumstance_ended_inside_the_period_is_not_in_the_stock_at_its_end() {
    ChildId ended = ChildId.random();
    ChildId still = ChildId.random();
    for (ChildId c : List.of(ended, still)) {
      publish(
          "Child",
          c,
          0,
          new ChildRegisteredEvent(
              c,
              new ChildRegistration(
                  "Synthetic",
                  LocalDate.parse("2015-01-01"),
                  null,
                  Sex.MALE,
                  Ethnicity.of("01"),
                  false,
                  AreaCode.of("61009"),
                  null,
                  null),
              LocalDate.parse("2024-01-01"),
              null),
          RECORDED);
      publish(
          "Child",
          c,
          1,
          new SpecialCircumstanceIdentifiedEvent(
              c,
              SpecialCircumstance.SC01,
              LocalDate.parse("2024-06-01"),
              AreaCode.of("61009"),
              girl(9)),
          RECORDED);
    }
    publish(
        "Child",
        ended,
        2,
        new SpecialCircumstanceEndedEvent(
            ended, SpecialCircumstance.SC01, LocalDate.parse("2025-03-01"), "adopted"),
        RECORDED);
    publish(
        "Child",
        still,
        2,
        new SupportRecordedEvent(
            still, "cash", LocalDate.parse("2025-02-01"), 500_000L, null, AreaCode.of("61009")),
        RECORDED);
    awaitTotal("special-circumstance-children", "61009", "2025-01-01", "2025-12-31", 1);
    assertThat(total("special-circumstance-children", "61009", "2025-01-01", "2025-01-31", null))
        .as("at the end of January both are still in the group")
        .isEqualTo(2);
    assertThat(total("special-circumstance-supported", "61009", "2025-01-01", "2025-12-31", null))
        .isEqualTo(1);
    assertThat(total("special-circumstance-supported", "61009", "2025-03-01", "2025-12-31", null))
        .as("the support was given before the period")
        .isZero();
  }

  @Test
  void a_child_turning_16_leaves_the_special_circumstance_stock() {
    ChildId child = ChildId.random();
    publish(
        "Child",
        child,
        0,
        new ChildRegisteredEvent(
            child,
            new ChildRegistration(
                "Synthetic",
                LocalDate.parse("2009-07-01"),
                null,
                Sex.FEMALE,
                Ethnicity.of("01"),
                false,
                AreaCode.of("61010"),
                null,
                null),
            LocalDate.parse("2024-01-01"),
            null),
        RECORDED);
    publish(
        "Child",
        child,
        1,
        new SpecialCircumstanceIdentifiedEvent(
            child,
            SpecialCircumstance.SC04,
            LocalDate.parse("2024-02-01"),
            AreaCode.of("61010"),
            girl(14)),
        RECORDED);
    // Revision 2, rule 3: the stock ages her exactly from her birth date (1 July 2009): 15 on 30
    // June 2025, 16 on 1 July 2025 (not from the age 14 kept in the circumstance's event, which
    // would keep her until 1 February 2026).
    awaitTotal("special-circumstance-children", "61010", "2025-01-01", "2025-06-30", 1);
    assertThat(total("special-circumstance-children", "61010", "2025-01-01", "2025-07-01", null))
        .as("16 on 1 July 2025")
        .isZero();
    assertThat(total("special-circumstance-children", "61010", "2025-01-01", "2026-01-31", null))
        .isZero();

    // The statistics keep the birth basis through an erasure, even after a rebuild.
    ApiClient.Response erased =
        admin()
            .post(
                "/api/v1/children/" + child.value() + "/erasure",
                "{\"reason\":\"synthetic erasure test\"}");
    assertThat(erased.status()).as(erased.toString()).isIn(200, 204);
    rebuild("statistics");
    awaitTotal("special-circumstance-children", "61010", "2025-01-01", "2025-06-30", 1);
    assertThat(total("special-circumstance-children", "61010", "2025-01-01", "2025-07-01", null))
        .isZero();
  }

  @Test
  void a_merged_communes_history_counts_for_its_successor() {
    ApiClient admin = admin();
    admin.put("/api/v1/areas/62", "{\"name\":\"Tỉnh 62\",\"level\":\"PROVINCE\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.get("/api/v1/areas").json().findValuesAsText("code").contains("62"));
    admin.put(
        "/api/v1/areas/62001", "{\"name\":\"Xã cũ\",\"level\":\"COMMUNE\",\"parentCode\":\"62\"}");
    admin.put(
        "/api/v1/areas/62002", "{\"name\":\"Xã mới\",\"level\":\"COMMUNE\",\"parentCode\":\"62\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin
                    .get("/api/v1/areas")
                    .json()
                    .findValuesAsText("code")
                    .containsAll(Set.of("62001", "62002")));
    report(ChildId.random(), "62001", "2024-05-01", 9, RECORDED);
    report(ChildId.random(), "62002", "2025-08-01", 9, RECORDED);
    awaitTotal("cases-reported", "62001", "2024-01-01", "2025-12-31", 1);
    assertThat(total("cases-reported", "62002", "2024-01-01", "2025-12-31", null)).isEqualTo(1);
    admin.post(
        "/api/v1/areas/62001/succession",
        "{\"successorCode\":\"62002\",\"effectiveOn\":\"2025-07-01\"}");
    awaitTotal("cases-reported", "62002", "2024-01-01", "2025-12-31", 2);
    assertThat(total("cases-reported", "62", "2024-01-01", "2025-12-31", null)).isEqualTo(2);

    // Revision 2, rule 4: the population follows the succession like the facts. Each commune has
    // 10 girls and 10 boys of each age 0-17 on 1 January 2024: 320 children 0-15 each.
    StringBuilder rows = new StringBuilder();
    for (int age = 0; age <= 17; age++) {
      rows.append(rows.isEmpty() ? "" : ",")
          .append("{\"sex\":\"FEMALE\",\"age\":%d,\"count\":10},".formatted(age))
          .append("{\"sex\":\"MALE\",\"age\":%d,\"count\":10}".formatted(age));
    }
    for (String commune : List.of("62001", "62002")) {
      assertThat(
              admin
                  .put("/api/v1/population/" + commune + "/2024", "{\"rows\":[" + rows + "]}")
                  .status())
          .isEqualTo(204);
    }
    for (String area : List.of("62002", "62")) {
      JsonNode ct9 =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> indicator(admin, area, 2024, "CT9"),
                  // both communes' tables projected (each PUT is its own command)
                  i -> i.get("denominator").asDouble() >= 640);
      assertThat(ct9.get("denominator").asDouble())
          .as("%s in 2024: the successor's 320 and the merged commune's 320", area)
          .isEqualTo(640.0);
      assertThat(ct9.get("numerator").asDouble()).as("the merged commune's 2024 case").isZero();
    }
  }

  static JsonNode indicator(ApiClient api, String area, int year, String code) {
    for (JsonNode i :
        api.get("/api/v1/indicators?plan=quang-ninh-2021-2030&area=" + area + "&year=" + year)
            .json()) {
      if (i.get("code").asText().equals(code)) {
        return i;
      }
    }
    throw new AssertionError("no indicator " + code);
  }

  @Test
  void a_statistician_sees_small_counts_suppressed_and_larger_ones_exact() {
    for (int i = 0; i < 5; i++) {
      report(ChildId.random(), "61011", "2025-10-01", 10, RECORDED);
    }
    report(ChildId.random(), "61012", "2025-10-01", 10, RECORDED);
    awaitTotal("cases-reported", "61011", "2025-01-01", "2025-12-31", 5);
    awaitTotal("cases-reported", "61012", "2025-01-01", "2025-12-31", 1);
    admin()
        .put(
            "/api/v1/users/statistician.61",
            "{\"displayName\":\"S\",\"roles\":[\"STATISTICIAN\"],\"areaCodes\":[\"61011\",\"61012\"],\"password\":\"statistician-password\"}");
    ApiClient statistician = new ApiClient(port, "statistician.61", "statistician-password");
    assertThat(
            statistician
                .get("/api/v1/statistics/cases-reported?area=61011&from=2025-01-01&to=2025-12-31")
                .json()
                .get("total")
                .asLong())
        .isEqualTo(5);
    JsonNode small =
        statistician
            .get("/api/v1/statistics/cases-reported?area=61012&from=2025-01-01&to=2025-12-31")
            .json();
    assertThat(small.get("total").isNull()).isTrue();
    assertThat(small.get("totalSuppressed").asBoolean()).isTrue();

    // Revision 2, rule 7: the one small row (61012: 1) would be the total (6) minus the other
    // (61011: 5), so that one is hidden too; a supervisor or admin sees both.
    JsonNode byArea =
        statistician
            .get("/api/v1/statistics/cases-reported?from=2025-01-01&to=2025-12-31&by=area")
            .json();
    assertThat(byArea.get("total").asLong()).isEqualTo(6);
    assertThat(byArea.get("rows").findValuesAsText("area")).containsExactly("61011", "61012");
    for (JsonNode row : byArea.get("rows")) {
      assertThat(row.get("value").isNull()).as(row.toString()).isTrue();
      assertThat(row.get("suppressed").asBoolean()).isTrue();
    }
    assertThat(
            admin()
                .get("/api/v1/statistics/cases-reported?area=61012&from=2025-01-01&to=2025-12-31")
                .json()
                .get("total")
                .asLong())
        .as("exact for admins")
        .isEqualTo(1);

    // Whole months and the end of a Vietnam day: a statistician cannot narrow a query to a day or
    // an instant to isolate a case.
    JsonNode narrowed =
        statistician
            .get(
                "/api/v1/statistics/cases-reported?area=61011&from=2025-10-01&to=2025-10-01"
                    + "&asOf=2025-10-02T09:00:00%2B07:00")
            .json();
    assertThat(narrowed.get("from").asText()).isEqualTo("2025-10-01");
    assertThat(narrowed.get("to").asText()).isEqualTo("2025-10-31");
    assertThat(narrowed.get("asOf").asText()).isEqualTo("2025-10-02T23:59:59.999999+07:00");
    JsonNode supervisorsDay =
        admin()
            .get("/api/v1/statistics/cases-reported?area=61011&from=2025-10-02&to=2025-10-02")
            .json();
    assertThat(supervisorsDay.get("to").asText()).as("exact for admins").isEqualTo("2025-10-02");
  }
}
