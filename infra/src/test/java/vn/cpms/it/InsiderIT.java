package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit trail as a curious insider would try to get around it (issue 16): a path spelled
 * differently, an audit row that comes too late or not at all.
 */
class InsiderIT extends ApplicationIT {
  ApiClient worker() {
    return new ApiClient(port, "worker.a", "worker.a-password");
  }

  String registeredChild() {
    UUID id = UUID.randomUUID();
    ApiClient.Response created =
        admin().post("/api/v1/children", ChildApiIT.child(id, "Synthetic Insider Child"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> worker().get("/api/v1/children/" + id).status() == 200);
    return id.toString();
  }

  long auditRows(String username, String resourceId) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from audit_entry where username = ? and resource_id = ?",
            Long.class,
            username,
            resourceId);
    return n == null ? 0 : n;
  }

  @Test
  void a_path_spelled_with_percent_escapes_is_refused_and_never_served() {
    String child = registeredChild();
    ApiClient.Response encoded = worker().get("/api/v1/%63hildren/" + child);
    assertThat(encoded.status()).as(encoded.toString()).isEqualTo(400);
    assertThat(encoded.raw().body()).doesNotContain("Synthetic Insider Child").contains("status");
    assertThat(worker().get("/api/v1/c%61ses?size=5").status()).isEqualTo(400);
    assertThat(worker().get("/%63ases").status()).isEqualTo(400);
  }

  @Test
  void a_read_is_audited_before_its_body_arrives_and_a_command_with_its_events() {
    String child = registeredChild();
    long before = auditRows("worker.a", child);
    ApiClient.Response read = worker().get("/api/v1/children/" + child);
    assertThat(read.status()).isEqualTo(200);
    // no waiting: the row is there when the body is
    assertThat(auditRows("worker.a", child)).isEqualTo(before + 1);

    ApiClient.Response command =
        worker()
            .post(
                "/api/v1/children/" + child + "/special-circumstances",
                "{\"group\":\"SC02\",\"identifiedOn\":\"2025-01-10\"}");
    assertThat(command.status()).as(command.toString()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where username = 'worker.a' and resource_id = ?"
                    + " and action = 'COMMAND' and status = 200",
                Long.class,
                child))
        .isEqualTo(1);
  }

  @Test
  void a_request_whose_audit_row_cannot_be_written_fails_and_changes_nothing() {
    String child = registeredChild();
    defineUser("worker.unaudited", "worker.unaudited-password", "CASE_WORKER", "06");
    ApiClient unaudited = new ApiClient(port, "worker.unaudited", "worker.unaudited-password");
    assertThat(unaudited.get("/api/v1/children/" + child).status()).isEqualTo(200);
    jdbc.execute(
        "alter table audit_entry add constraint insider_it_fault"
            + " check (username <> 'worker.unaudited') not valid");
    try {
      ApiClient.Response read = unaudited.get("/api/v1/children/" + child);
      assertThat(read.status()).isEqualTo(500);
      assertThat(read.raw().body()).doesNotContain("Synthetic Insider Child");

      long events = storedEvents();
      UUID newChild = UUID.randomUUID();
      ApiClient.Response command =
          unaudited.post("/api/v1/children", ChildApiIT.child(newChild, "Synthetic Unaudited"));
      assertThat(command.status()).as(command.toString()).isEqualTo(500);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from domainevententry where aggregateidentifier = ?",
                  Long.class,
                  newChild.toString()))
          .isZero();
      assertThat(storedEvents()).isEqualTo(events);
    } finally {
      jdbc.execute("alter table audit_entry drop constraint insider_it_fault");
    }
  }

  // --- areas that stay consistent -------------------------------------------------------------

  static boolean communeWorkers;

  ApiClient communeWorker(String commune) {
    if (!communeWorkers) {
      defineUser("worker.06652", "worker.06652-password", "CASE_WORKER", "06652");
      defineUser("worker.06655", "worker.06655-password", "CASE_WORKER", "06655");
      communeWorkers = true;
    }
    return new ApiClient(port, "worker." + commune, "worker." + commune + "-password");
  }

  static String reportAbout(String childId, String area) {
    return """
        {"reportedAt":"%s","channel":"PHONE","areaCode":"%s","child":{"id":"%s"},
         "suspectedForms":["NEGLECT"],"seriousDanger":false,"description":"Synthetic"}
        """
        .formatted(CaseApiIT.RECENT, area, childId);
  }

  @Test
  void a_case_is_transferred_only_to_a_commune_of_the_registry() {
    ApiClient worker = communeWorker("06652");
    ApiClient.Response created =
        worker.post("/api/v1/cases", CaseApiIT.caseBody(null, "PHONE", ""));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String transfer = "/api/v1/cases/" + id + "/transfer";
    for (String nowhere : new String[] {"99088", "06"}) {
      ApiClient.Response refused =
          worker.post(
              transfer,
              "{\"toAreaCode\":\"" + nowhere + "\",\"consentRecorded\":true,\"reason\":\"x\"}");
      assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
      assertThat(refused.json().get("errors").findValuesAsText("code"))
          .containsAnyOf("unknown-area", "not-a-commune");
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?"
                    + " and payloadtype like '%CaseTransferredEvent'",
                Long.class, id))
        .isZero();
  }

  @Test
  void a_case_cannot_name_a_child_the_worker_may_not_see() {
    UUID elsewhere = UUID.randomUUID();
    ApiClient.Response child =
        admin()
            .post(
                "/api/v1/children",
                ChildApiIT.child(elsewhere, "Synthetic Far Child").replace("06652", "77001"));
    assertThat(child.status()).as(child.toString()).isEqualTo(201);
    // the same answer as for a child that does not exist: no existence leak
    ApiClient.Response report =
        worker().post("/api/v1/cases", reportAbout(elsewhere.toString(), "06652"));
    assertThat(report.status()).as(report.toString()).isEqualTo(422);
    assertThat(report.json().get("errors").findValuesAsText("code"))
        .containsExactly("unknown-child");
    ApiClient.Response unknown =
        worker().post("/api/v1/cases", reportAbout(UUID.randomUUID().toString(), "06652"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.raw().body()).isEqualTo(report.raw().body());
    assertThat(
            worker()
                .post(
                    "/api/v1/children/" + elsewhere + "/support",
                    "{\"kind\":\"food\",\"providedOn\":\"2025-02-01\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void the_child_follows_its_transferred_case_and_its_page_lists_its_cases() {
    ApiClient sending = communeWorker("06652");
    ApiClient receiving = communeWorker("06655");
    ApiClient.Response created =
        sending.post("/api/v1/cases", CaseApiIT.caseBody(null, "PHONE", ""));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String caseId = created.json().get("id").asText();
    String childId = created.json().get("childId").asText();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> sending.get("/api/v1/children/" + childId).status() == 200);
    assertThat(receiving.get("/api/v1/children/" + childId).status()).isEqualTo(404);

    ApiClient.Response transfer =
        sending.post(
            "/api/v1/cases/" + caseId + "/transfer",
            "{\"toAreaCode\":\"06655\",\"consentRecorded\":true,\"reason\":\"moved\"}");
    assertThat(transfer.status()).as(transfer.toString()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> receiving.get("/api/v1/children/" + childId).status() == 200);
    assertThat(sending.get("/api/v1/children/" + childId).status()).isEqualTo(404);
    assertThat(
            receiving
                .post(
                    "/api/v1/children/" + childId + "/support",
                    "{\"kind\":\"food\",\"providedOn\":\"2025-02-01\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            sending
                .post(
                    "/api/v1/children/" + childId + "/support",
                    "{\"kind\":\"food\",\"providedOn\":\"2025-02-01\"}")
                .status())
        .isEqualTo(404);
    var page = receiving.get("/api/v1/children/" + childId).json();
    assertThat(page.get("cases").findValuesAsText("caseId")).contains(caseId);
    assertThat(page.get("workingAreas").findValuesAsText("")).isNotNull();
  }

  // --- one door ---------------------------------------------------------------------------------

  @org.springframework.beans.factory.annotation.Autowired
  org.axonframework.commandhandling.gateway.CommandGateway gateway;

  @org.springframework.beans.factory.annotation.Autowired
  org.axonframework.queryhandling.QueryGateway queryGateway;

  @Test
  void a_message_sent_by_no_one_is_refused_and_the_systems_own_is_stamped() {
    var define =
        new vn.cpms.kernel.area.DefineAreaCommand(
            vn.cpms.kernel.area.AreaCode.of("06"),
            "Synthetic 06",
            vn.cpms.kernel.area.AreaLevel.PROVINCE,
            null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.sendAndWait(define))
        .hasMessageContaining("refused");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                queryGateway
                    .query(
                        new vn.cpms.kernel.area.FindAreasQuery(),
                        org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf(
                            vn.cpms.kernel.area.AreaView.class))
                    .join())
        .hasMessageContaining("refused");
    assertThat(
            vn.cpms.infra.security.SystemActor.run(
                () ->
                    queryGateway
                        .query(
                            new vn.cpms.kernel.area.FindAreasQuery(),
                            org.axonframework.messaging.responsetypes.ResponseTypes
                                .multipleInstancesOf(vn.cpms.kernel.area.AreaView.class))
                        .join()))
        .isNotEmpty();
  }

  @Test
  void an_erasure_is_audited_with_its_reason_and_an_export_as_an_export() {
    UUID child = UUID.randomUUID();
    assertThat(admin().post("/api/v1/children", ChildApiIT.child(child, "Synthetic")).status())
        .isEqualTo(201);
    ApiClient.Response erased =
        admin()
            .post(
                "/api/v1/children/" + child + "/erasure",
                "{\"reason\":\"request of the guardian, ref. 12\"}");
    assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select detail from audit_entry where resource_id = ? and action = 'COMMAND'"
                    + " and detail like 'EraseChildIdentityCommand%'",
                String.class, child.toString()))
        .contains("request of the guardian, ref. 12");
    assertThat(
            admin().get("/api/v1/reports/luong-minh-2026-2030/2026?area=06652&format=csv").status())
        .isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'EXPORT' and username = 'admin'",
                Long.class))
        .isPositive();
  }
}
