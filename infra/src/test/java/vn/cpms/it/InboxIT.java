package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the worker's inbox shows the 12-hour clock two hours before it runs out and a new case
 * nobody handles; the supervisor's shows the plan waiting and the child who died; the header counts
 * them.
 */
class InboxIT extends ApplicationIT {
  static final String PASSWORD = "inbox-password";

  String report(ApiClient api, OffsetDateTime at, boolean serious) {
    var created =
        api.post(
            "/api/v1/cases",
            CaseApiIT.caseBody(null, "PHONE", "")
                .replace("06652", "71001")
                .replace(CaseApiIT.RECENT, at.toString())
                .replace("\"seriousDanger\":true", "\"seriousDanger\":" + serious));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  static List<String> kinds(JsonNode inbox, String caseId) {
    List<String> kinds = new java.util.ArrayList<>();
    inbox.forEach(
        i -> {
          if (i.get("caseId").asText().equals(caseId)) {
            kinds.add(i.get("kind").asText());
          }
        });
    return kinds;
  }

  @Test
  void the_inbox_shows_the_12_hour_clock_before_it_runs_out_and_a_death_to_the_supervisor() {
    defineArea("71", "PROVINCE", null);
    defineArea("71001", "COMMUNE", "71");
    defineUser("inbox.worker", PASSWORD, "CASE_WORKER", "71001");
    defineUser("inbox.supervisor", PASSWORD, "SUPERVISOR", "71");
    ApiClient worker = new ApiClient(port, "inbox.worker", PASSWORD);
    ApiClient supervisor = new ApiClient(port, "inbox.supervisor", PASSWORD);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);

    String soon = report(worker, now.minusHours(11), true); // 12-hour clock: one hour left
    CaseProcedureIT.ok(
        worker.post(
            "/api/v1/cases/" + soon + "/assignment", "{\"workerUsername\":\"inbox.worker\"}"));
    String fresh = report(worker, now.minusHours(1), true); // 11 hours left, not yet
    CaseProcedureIT.ok(
        worker.post(
            "/api/v1/cases/" + fresh + "/assignment", "{\"workerUsername\":\"inbox.worker\"}"));
    String nobody = report(worker, now.minusMinutes(30), false);
    String died = report(worker, now.minusDays(2), false);
    CaseProcedureIT.ok(
        worker.post(
            "/api/v1/cases/" + died + "/closure",
            "{\"closedOn\":\"%s\",\"reason\":\"DECEASED\"}".formatted(now.toLocalDate())));

    JsonNode inbox =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> worker.get("/api/v1/inbox").json(),
                i ->
                    kinds(i, soon).contains("CLOCK_INITIAL")
                        && kinds(i, nobody).contains("UNASSIGNED"));
    assertThat(kinds(inbox, fresh)).doesNotContain("CLOCK_INITIAL");
    assertThat(kinds(inbox, died)).as("a worker is not told of deaths by the inbox").isEmpty();

    JsonNode supervisorInbox =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> supervisor.get("/api/v1/inbox").json(),
                i -> kinds(i, died).contains("DEATH"));
    assertThat(supervisorInbox.get(0).get("overdue").asBoolean()).isTrue();
    // the death alert is on the supervisor's page until they take note of it; the province's
    // supervisor still has it
    defineUser("inbox.province", PASSWORD, "SUPERVISOR", "71");
    FormSession desk = new FormSession(port);
    assertThat(desk.signIn("inbox.supervisor", PASSWORD)).isTrue();
    assertThat(desk.get("/supervision").body()).contains("id=\"death-alerts\"");
    String alert = supervisor.get("/api/v1/alerts").json().get(0).get("alertId").asText();
    assertThat(supervisor.post("/api/v1/alerts/" + alert + "/acknowledgement", "").status())
        .isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !kinds(supervisor.get("/api/v1/inbox").json(), died).contains("DEATH"));
    assertThat(
            new ApiClient(port, "inbox.province", PASSWORD)
                .get("/api/v1/alerts")
                .json()
                .findValuesAsText("alertId"))
        .contains(alert);
    assertThat(worker.get("/api/v1/alerts").status()).isEqualTo(403);

    FormSession page = new FormSession(port);
    assertThat(page.signIn("inbox.worker", PASSWORD)).isTrue();
    String worklist = page.get("/cases").body();
    assertThat(worklist).contains("id=\"inbox-count\"");
    assertThat(page.get("/inbox").body())
        .contains("data-kind=\"CLOCK_INITIAL\"")
        .contains("data-case=\"" + soon + "\"");
  }
}
