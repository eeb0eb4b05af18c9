package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the supervisor reads the plan (its goals and interventions) before approving it, and
 * can send it back with a comment (SupportPlanReturnedEvent), which the worker sees on the case
 * until she submits a new plan; a worker cannot send a plan back.
 */
class PlanReviewIT extends ApplicationIT {
  static final String GOALS = "Synthetic goals: the child sleeps at her aunt's house";
  static final String COMMENT = "Add a school visit before the end of the month";

  @Test
  void the_supervisor_reads_the_goals_and_sends_the_plan_back_with_a_comment() {
    defineArea("60", "PROVINCE", null);
    defineArea("60101", "COMMUNE", "60");
    defineUser("review.worker", "review-password", "CASE_WORKER", "60101");
    defineUser("review.supervisor", "review-password", "SUPERVISOR", "60");
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
    ApiClient admin = admin();
    var created =
        admin.post(
            "/api/v1/cases",
            CaseApiIT.caseBody(null, "PHONE", "")
                .replace("06652", "60101")
                .replace(CaseApiIT.RECENT, now.minusHours(3).toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String base = "/api/v1/cases/" + id;
    ApiClient worker = new ApiClient(port, "review.worker", "review-password");
    CaseProcedureIT.ok(worker.post(base + "/assignment", "{\"workerUsername\":\"review.worker\"}"));
    CaseProcedureIT.ok(
        worker.post(
            base + "/initial-assessment",
            "{\"assessedAt\":\"%s\",\"riskLevel\":\"HIGH\"}".formatted(now.minusHours(2))));
    CaseProcedureIT.ok(
        worker.post(
            base + "/assessment",
            "{\"assessedAt\":\"%s\",\"abuseConfirmed\":true,\"confirmedForms\":[\"VIOLENCE\"]}"
                .formatted(now.minusMinutes(90))));
    String plan =
        """
        {"submittedAt":"%s","goals":"%s","interventions":[
          {"type":"MEDICAL","provider":"Trạm y tế xã","dueOn":"%s"}]}
        """;
    CaseProcedureIT.ok(
        worker.post(
            base + "/plan",
            plan.formatted(now.minusMinutes(60), GOALS, now.toLocalDate().plusDays(7))));
    assertThat(
            worker
                .post(
                    base + "/plan/return",
                    "{\"returnedAt\":\"%s\",\"comment\":\"no\"}".formatted(now.minusMinutes(1)))
                .status())
        .as("a worker cannot send a plan back")
        .isEqualTo(403);

    FormSession supervisor = new FormSession(port);
    assertThat(supervisor.signIn("review.supervisor", "review-password")).isTrue();
    String page =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> supervisor.get("/cases/" + id).body(),
                body -> body.contains("id=\"plan-review-goals\""));
    assertThat(page)
        .contains(GOALS.replace("'", "&#39;"))
        .contains("Trạm y tế xã")
        .contains("id=\"plan-return-form\"")
        .contains("id=\"approval-form\"");
    String version = between(page, "name=\"version\" value=\"", "\"");
    String at = now.minusMinutes(10).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));

    // without a comment: refused next to the field, nothing stored
    long events = storedEvents();
    var refused =
        supervisor.post(
            "/cases/" + id + "/plan/return",
            "version=" + version + "&returnedAt=" + enc(at) + "&comment=");
    assertThat(refused.body()).contains("id=\"plan-return-comment-error\"");
    assertThat(storedEvents()).isEqualTo(events);

    var sent =
        supervisor.post(
            "/cases/" + id + "/plan/return",
            "version=" + version + "&returnedAt=" + enc(at) + "&comment=" + enc(COMMENT));
    assertThat(sent.statusCode()).isEqualTo(302);

    var view =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> worker.get(base).json(), v -> v.get("status").asText().equals("ASSESSED"));
    assertThat(view.get("planReturn").get("comment").asText()).isEqualTo(COMMENT);
    assertThat(view.get("planReturn").get("returnedBy").asText()).isEqualTo("review.supervisor");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> worker.get(base + "/timeline").json().findValuesAsText("type"),
            types -> types.contains("SupportPlanReturned"));
    assertThat(admin.get("/api/v1/cases/" + id).json().get("planGoals").asText())
        .as("the goals stay readable on the case")
        .isEqualTo(GOALS);

    FormSession workerPage = new FormSession(port);
    assertThat(workerPage.signIn("review.worker", "review-password")).isTrue();
    String returned = workerPage.get("/cases/" + id).body();
    assertThat(returned).contains("id=\"plan-returned\"").contains(COMMENT);
    assertThat(returned).contains("id=\"plan-form\"");

    // a new plan: the notice is gone, the supervisor has it again
    CaseProcedureIT.ok(
        worker.post(
            base + "/plan",
            plan.formatted(now.minusMinutes(5), GOALS + " v2", now.toLocalDate().plusDays(7))));
    var again =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> worker.get(base).json(),
                v -> v.get("status").asText().equals("PLAN_SUBMITTED"));
    assertThat(again.get("planReturn").isNull()).isTrue();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}
