package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles and areas: a worker acts only in their communes, a supervisor of a province sees all of it,
 * a transfer moves a case out of the old commune's reach, a merged commune's cases belong to its
 * successor, and a statistician never sees a case.
 */
class AreaAccessIT extends ApplicationIT {
  // A synthetic province 88 with district 881 (communes 88101, 88102) and commune 88201 directly.
  static boolean defined;

  ApiClient worker() {
    return new ApiClient(port, "worker.88101", "worker-password");
  }

  @BeforeEach
  void defineAreasAndUsers() {
    if (defined) {
      return;
    }
    ApiClient admin = admin();
    assertThat(
            admin.put("/api/v1/areas/88", "{\"name\":\"Tỉnh 88\",\"level\":\"PROVINCE\"}").status())
        .isEqualTo(204);
    assertThat(
            admin
                .put(
                    "/api/v1/areas/881",
                    "{\"name\":\"Huyện 881\",\"level\":\"DISTRICT\",\"parentCode\":\"88\"}")
                .status())
        .isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.get("/api/v1/areas").json().findValuesAsText("code").contains("881"));
    for (String commune : List.of("88101", "88102")) {
      assertThat(
              admin
                  .put(
                      "/api/v1/areas/" + commune,
                      "{\"name\":\"Xã "
                          + commune
                          + "\",\"level\":\"COMMUNE\",\"parentCode\":\"881\"}")
                  .status())
          .isEqualTo(204);
    }
    admin.put(
        "/api/v1/areas/88201",
        "{\"name\":\"Xã 88201\",\"level\":\"COMMUNE\",\"parentCode\":\"88\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.get("/api/v1/areas").json().findValuesAsText("code").contains("88201"));
    assertThat(
            admin
                .put(
                    "/api/v1/users/worker.88101",
                    "{\"displayName\":\"Worker\",\"roles\":[\"CASE_WORKER\"],\"areaCodes\":[\"88101\"],"
                        + "\"password\":\"worker-password\"}")
                .status())
        .isEqualTo(201);
    admin.put(
        "/api/v1/users/supervisor.88",
        "{\"displayName\":\"Supervisor\",\"roles\":[\"SUPERVISOR\"],\"areaCodes\":[\"88\"],"
            + "\"password\":\"supervisor-password\"}");
    admin.put(
        "/api/v1/users/statistician.88",
        "{\"displayName\":\"Statistician\",\"roles\":[\"STATISTICIAN\"],\"areaCodes\":[\"88\"],"
            + "\"password\":\"statistician-password\"}");
    defined = true;
  }

  String report(ApiClient api, String area, int expectedStatus) {
    String at = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(1).withNano(0).toString();
    ApiClient.Response response =
        api.post(
            "/api/v1/cases",
            CaseApiIT.caseBody(null, "PHONE", "")
                .replace(CaseApiIT.RECENT, at)
                .replace("06652", area));
    assertThat(response.status()).as(response.toString()).isEqualTo(expectedStatus);
    return expectedStatus == 201 ? response.json().get("id").asText() : null;
  }

  void awaitVisible(ApiClient api, String id) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.get("/api/v1/cases/" + id).status() == 200);
  }

  @Test
  void a_worker_reports_in_their_commune_and_not_in_another() {
    report(worker(), "88101", 201);
    ApiClient.Response outside =
        worker()
            .post(
                "/api/v1/cases",
                CaseApiIT.caseBody(null, "PHONE", "")
                    .replace("06652", "88102")
                    .replace(CaseApiIT.RECENT, "2026-01-05T08:00:00+07:00"));
    assertThat(outside.status()).isEqualTo(422);
    assertThat(outside.json().get("errors").findValuesAsText("code")).contains("area-not-allowed");
  }

  @Test
  void
      a_case_of_another_commune_is_unknown_to_the_worker_but_visible_to_the_provinces_supervisor() {
    String other = report(admin(), "88102", 201);
    awaitVisible(admin(), other);
    assertThat(worker().get("/api/v1/cases/" + other).status()).isEqualTo(404);
    assertThat(worker().get("/api/v1/cases/" + other + "/timeline").status()).isEqualTo(404);
    assertThat(
            worker()
                .post("/api/v1/cases/" + other + "/assignment", "{\"workerUsername\":\"admin\"}")
                .status())
        .isEqualTo(404);
    assertThat(worker().get("/api/v1/cases?size=200").json().get("content").findValuesAsText("id"))
        .doesNotContain(other);

    ApiClient supervisor = new ApiClient(port, "supervisor.88", "supervisor-password");
    assertThat(supervisor.get("/api/v1/cases/" + other).status()).isEqualTo(200);
    assertThat(
            supervisor
                .get("/api/v1/cases?area=881&size=200")
                .json()
                .get("content")
                .findValuesAsText("id"))
        .contains(other);
  }

  @Test
  void a_transferred_case_moves_out_of_the_old_communes_reach() {
    String id = report(worker(), "88101", 201);
    awaitVisible(worker(), id);
    ApiClient.Response transfer =
        worker()
            .post(
                "/api/v1/cases/" + id + "/transfer",
                "{\"toAreaCode\":\"88201\",\"consentRecorded\":true,\"reason\":\"moved\"}");
    assertThat(transfer.status()).as(transfer.toString()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> worker().get("/api/v1/cases/" + id).status() == 404);
    assertThat(
            worker()
                .post("/api/v1/cases/" + id + "/assignment", "{\"workerUsername\":\"admin\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void a_statistician_sees_no_case_and_no_child() {
    ApiClient statistician = new ApiClient(port, "statistician.88", "statistician-password");
    assertThat(statistician.get("/api/v1/cases").status()).isEqualTo(403);
    assertThat(statistician.get("/api/v1/children?query=abc").status()).isEqualTo(403);
    assertThat(statistician.post("/api/v1/cases", CaseApiIT.caseBody(null, "PHONE", "")).status())
        .isEqualTo(403);
  }

  @Test
  void only_an_admin_manages_areas_and_users_and_bad_definitions_are_422() {
    assertThat(
            worker()
                .put(
                    "/api/v1/areas/88999",
                    "{\"name\":\"x\",\"level\":\"COMMUNE\",\"parentCode\":\"881\"}")
                .status())
        .isEqualTo(403);
    assertThat(worker().put("/api/v1/users/someone", "{}").status()).isEqualTo(403);
    ApiClient.Response orphan =
        admin()
            .put(
                "/api/v1/areas/87001",
                "{\"name\":\"x\",\"level\":\"COMMUNE\",\"parentCode\":\"870\"}");
    assertThat(orphan.status()).isEqualTo(422);
    assertThat(orphan.json().get("errors").findValuesAsText("code")).contains("unknown-area");
    ApiClient.Response weak =
        admin()
            .put(
                "/api/v1/users/weak.user",
                "{\"displayName\":\"W\",\"roles\":[\"CASE_WORKER\"],\"areaCodes\":[\"88101\"],\"password\":\"short\"}");
    assertThat(weak.status()).isEqualTo(422);
    assertThat(admin().get("/api/v1/users").raw().body()).doesNotContain("password");
  }

  @Test
  void after_a_merger_the_successors_worker_sees_the_merged_communes_cases() {
    ApiClient admin = admin();
    admin.put(
        "/api/v1/areas/88103",
        "{\"name\":\"Xã 88103\",\"level\":\"COMMUNE\",\"parentCode\":\"881\"}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin.get("/api/v1/areas").json().findValuesAsText("code").contains("88103"));
    String merged = report(admin, "88103", 201);
    awaitVisible(admin, merged);
    assertThat(worker().get("/api/v1/cases/" + merged).status()).isEqualTo(404);

    ApiClient.Response succession =
        admin.post(
            "/api/v1/areas/88103/succession",
            "{\"successorCode\":\"88101\",\"effectiveOn\":\"2025-07-01\"}");
    assertThat(succession.status()).as(succession.toString()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> worker().get("/api/v1/cases/" + merged).status() == 200);
  }
}
