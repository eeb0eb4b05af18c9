package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a supervisor gives every open case of a worker who leaves to another worker in one
 * step; a closed case stays as it was; a worker cannot do it; an unknown worker moves nothing.
 */
class ReassignmentIT extends ApplicationIT {
  @Test
  void every_open_case_of_a_leaving_worker_goes_to_another_in_one_step() {
    defineArea("70", "PROVINCE", null);
    defineArea("70001", "COMMUNE", "70");
    defineUser("leaving.worker", "reassign-password", "CASE_WORKER", "70001");
    defineUser("staying.worker", "reassign-password", "CASE_WORKER", "70001");
    defineUser("reassign.supervisor", "reassign-password", "SUPERVISOR", "70");
    ApiClient admin = admin();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      var created =
          admin.post(
              "/api/v1/cases",
              CaseApiIT.caseBody(null, "PHONE", "")
                  .replace("06652", "70001")
                  .replace(CaseApiIT.RECENT, now.minusHours(5 - i).toString()));
      assertThat(created.status()).isEqualTo(201);
      String id = created.json().get("id").asText();
      CaseProcedureIT.ok(
          admin.post(
              "/api/v1/cases/" + id + "/assignment", "{\"workerUsername\":\"leaving.worker\"}"));
      ids.add(id);
    }
    CaseProcedureIT.ok(
        admin.post(
            "/api/v1/cases/" + ids.get(2) + "/closure",
            "{\"closedOn\":\"%s\",\"reason\":\"SAFE\"}".formatted(now.toLocalDate())));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin
                    .get("/api/v1/cases/" + ids.get(2))
                    .json()
                    .get("status")
                    .asText()
                    .equals("CLOSED"));

    String body = "{\"fromUsername\":\"leaving.worker\",\"toUsername\":\"staying.worker\"}";
    assertThat(
            new ApiClient(port, "staying.worker", "reassign-password")
                .post("/api/v1/cases/reassignment", body)
                .status())
        .isEqualTo(403);
    ApiClient supervisor = new ApiClient(port, "reassign.supervisor", "reassign-password");
    assertThat(
            supervisor
                .post(
                    "/api/v1/cases/reassignment",
                    "{\"fromUsername\":\"leaving.worker\",\"toUsername\":\"nobody.here\"}")
                .status())
        .isEqualTo(422);
    var moved = supervisor.post("/api/v1/cases/reassignment", body);
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().get("reassigned").asInt()).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin
                        .get("/api/v1/cases/" + ids.get(0))
                        .json()
                        .get("assignee")
                        .asText()
                        .equals("staying.worker")
                    && admin
                        .get("/api/v1/cases/" + ids.get(1))
                        .json()
                        .get("assignee")
                        .asText()
                        .equals("staying.worker"));
    assertThat(admin.get("/api/v1/cases/" + ids.get(2)).json().get("assignee").asText())
        .as("a closed case keeps its worker")
        .isEqualTo("leaving.worker");
  }
}
