package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** One case walked through the whole Decree 56/2017 procedure over HTTP, as a worker would. */
class CaseProcedureIT extends ApplicationIT {
  static final ZoneOffset VN = ZoneOffset.ofHours(7);
  final OffsetDateTime now = OffsetDateTime.now(VN).truncatedTo(ChronoUnit.SECONDS);
  final LocalDate today = now.toLocalDate();

  String report(ApiClient api, OffsetDateTime at) {
    ApiClient.Response created =
        api.post(
            "/api/v1/cases",
            CaseApiIT.caseBody(null, "HOTLINE_111", "").replace(CaseApiIT.RECENT, at.toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  static void ok(ApiClient.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }

  @Test
  void a_case_goes_from_report_to_closure_and_its_timeline_has_every_step_in_order() {
    ApiClient api = admin();
    String id = report(api, now.minusHours(3));
    String base = "/api/v1/cases/" + id;
    ok(api.post(base + "/assignment", "{\"workerUsername\":\"worker.a\"}"));
    ok(
        api.post(
            base + "/initial-assessment",
            "{\"assessedAt\":\"%s\",\"riskLevel\":\"HIGH\",\"emergencyMeasures\":\"safe place\"}"
                .formatted(now.minusHours(2))));
    ok(
        api.post(
            base + "/assessment",
            "{\"assessedAt\":\"%s\",\"abuseConfirmed\":true,\"confirmedForms\":[\"VIOLENCE\"]}"
                .formatted(now.minusMinutes(90))));
    UUID medical = UUID.randomUUID();
    ok(
        api.post(
            base + "/plan",
            """
            {"submittedAt":"%s","goals":"safety","interventions":[
              {"id":"%s","type":"MEDICAL","provider":"health centre","dueOn":"%s"},
              {"type":"PSYCHOSOCIAL","provider":"social worker","dueOn":"%s"}]}
            """
                .formatted(now.minusMinutes(60), medical, today.plusDays(7), today.plusDays(14))));
    ok(
        api.post(
            base + "/plan/approval", "{\"approvedAt\":\"%s\"}".formatted(now.minusMinutes(30))));
    ok(
        api.post(
            base + "/interventions/" + medical + "/completion",
            "{\"completedOn\":\"%s\",\"outcome\":\"treated\"}".formatted(today)));
    ok(
        api.post(
            base + "/transfer",
            "{\"toAreaCode\":\"06655\",\"consentRecorded\":true,\"reason\":\"moved\"}"));
    ok(api.post(base + "/closure", "{\"closedOn\":\"%s\",\"reason\":\"SAFE\"}".formatted(today)));
    ok(
        api.post(
            base + "/reopening",
            "{\"reopenedOn\":\"%s\",\"reason\":\"new report\"}".formatted(today)));

    JsonNode timeline =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> api.get(base + "/timeline"),
                r -> r.status() == 200 && r.json().get("entries").size() == 10)
            .json();
    List<String> types = timeline.get("entries").findValuesAsText("type");
    assertThat(types)
        .containsExactly(
            "CaseReported",
            "CaseAssigned",
            "InitialAssessmentRecorded",
            "CaseAssessed",
            "SupportPlanSubmitted",
            "SupportPlanApproved",
            "InterventionCompleted",
            "CaseTransferred",
            "CaseClosed",
            "CaseReopened");
    JsonNode assigned = timeline.get("entries").get(1);
    assertThat(assigned.get("by").asText()).isEqualTo("admin");
    assertThat(assigned.get("what").asText()).isEqualTo("Phân công người xử lý");
    assertThat(assigned.get("details").get("workerUsername").asText()).isEqualTo("worker.a");
    assertThat(
            api.inLanguage("en")
                .get(base + "/timeline")
                .json()
                .get("entries")
                .get(1)
                .get("what")
                .asText())
        .isEqualTo("Assigned to a worker");

    JsonNode view =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> api.get(base).json(), v -> v.get("version").asLong() == 9);
    assertThat(view.get("status").asText()).isEqualTo("PLAN_APPROVED");
    assertThat(view.get("areaCode").asText()).isEqualTo("06655");
    assertThat(view.get("reportedAreaCode").asText()).isEqualTo("06652");
    assertThat(view.get("riskLevel").asText()).isEqualTo("HIGH");
    assertThat(view.get("interventions")).hasSize(2);
    assertThat(view.get("interventions").get(0).get("completedOn").asText())
        .isEqualTo(today.toString());
    assertThat(view.get("overdue").get("any").asBoolean()).isFalse();
  }

  @Test
  void a_step_the_case_is_not_ready_for_is_a_409_that_says_why_and_writes_nothing() {
    ApiClient api = admin();
    String id = report(api, now.minusHours(1));
    long before = storedEvents();
    ApiClient.Response response =
        api.post(
            "/api/v1/cases/" + id + "/initial-assessment",
            "{\"assessedAt\":\"%s\",\"riskLevel\":\"LOW\"}".formatted(now.minusMinutes(5)));

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("code").asText()).isEqualTo("case.not-assigned");
    assertThat(response.json().get("detail").asText())
        .isEqualTo("Hồ sơ chưa được phân công cho người làm công tác bảo vệ trẻ em.");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void invalid_step_input_is_a_422_per_field() {
    ApiClient api = admin();
    String id = report(api, now.minusHours(1));
    String base = "/api/v1/cases/" + id;
    ok(api.post(base + "/assignment", "{\"workerUsername\":\"worker.a\"}"));
    ApiClient.Response response =
        api.post(
            base + "/initial-assessment",
            "{\"assessedAt\":\"%s\",\"riskLevel\":\"EXTREME\"}".formatted(now.minusHours(5)));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsText("field"))
        .containsExactly("riskLevel");

    ApiClient.Response early =
        api.post(
            base + "/initial-assessment",
            "{\"assessedAt\":\"%s\",\"riskLevel\":\"LOW\"}".formatted(now.minusHours(5)));
    assertThat(early.status()).isEqualTo(422);
    assertThat(early.json().get("errors").findValuesAsText("code"))
        .containsExactly("before-previous-step");
  }

  @Test
  void a_stale_if_match_is_a_409_and_the_current_one_is_accepted() {
    ApiClient api = admin();
    String id = report(api, now.minusHours(1));
    String base = "/api/v1/cases/" + id;
    ok(api.post(base + "/assignment", "{\"workerUsername\":\"worker.a\"}"));

    ApiClient.Response stale =
        api.withHeader("If-Match", "\"0\"")
            .post(base + "/assignment", "{\"workerUsername\":\"worker.b\"}");
    assertThat(stale.status()).as(stale.toString()).isEqualTo(409);

    ApiClient.Response current =
        api.withHeader("If-Match", "\"1\"")
            .post(base + "/assignment", "{\"workerUsername\":\"worker.b\"}");
    ok(current);
    assertThat(current.json().get("version").asLong()).isEqualTo(2);
    assertThat(current.header("ETag")).isEqualTo("\"2\"");
  }

  @Test
  void of_two_concurrent_updates_one_wins_and_the_other_gets_a_409_and_no_event_is_lost()
      throws Exception {
    ApiClient api = admin();
    String id = report(api, now.minusHours(1));
    String base = "/api/v1/cases/" + id;
    int rounds = 8;
    int wins = 0;
    for (int round = 0; round < rounds; round++) {
      defineUser("worker.x" + round, "worker-password", "CASE_WORKER", "06");
      defineUser("worker.y" + round, "worker-password", "CASE_WORKER", "06");
    }
    for (int round = 0; round < rounds; round++) {
      String version = "\"" + round + "\"";
      CyclicBarrier start = new CyclicBarrier(2);
      List<CompletableFuture<ApiClient.Response>> both = new ArrayList<>();
      for (String worker : List.of("worker.x" + round, "worker.y" + round)) {
        both.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  return api.withHeader("If-Match", version)
                      .post(base + "/assignment", "{\"workerUsername\":\"" + worker + "\"}");
                }));
      }
      List<Integer> statuses = both.stream().map(f -> f.join().status()).sorted().toList();
      assertThat(statuses).as("round " + round).containsExactly(200, 409);
      wins++;
    }
    Long events =
        jdbc.queryForObject(
            "select count(*) from domainevententry where aggregateidentifier = ?", Long.class, id);
    assertThat(events).isEqualTo(1L + wins);
  }

  @Test
  void completing_an_unknown_intervention_or_acting_on_an_unknown_case_is_a_404() {
    ApiClient api = admin();
    assertThat(
            api.post(
                    "/api/v1/cases/" + UUID.randomUUID() + "/assignment",
                    "{\"workerUsername\":\"worker.a\"}")
                .status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/cases/" + UUID.randomUUID() + "/timeline").status()).isEqualTo(404);
  }

  @Test
  void approving_without_a_submitted_plan_is_a_409() {
    ApiClient api = admin();
    String id = report(api, now.minusHours(1));
    ApiClient.Response response =
        api.post(
            "/api/v1/cases/" + id + "/plan/approval", "{\"approvedAt\":\"%s\"}".formatted(now));
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().get("code").asText()).isEqualTo("case.plan-missing");
  }
}
