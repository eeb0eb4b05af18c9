package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the service directory and the referral procedure over HTTP. A worker refers a case to a
 * health station (consent recorded); the station's user sees only what was referred to it, accepts
 * and reports the service done; a shelter declines with a reason; each step is on the case's
 * timeline; a referral unanswered past its limit is flagged; the provider's user reaches no case,
 * no other provider's referral and no other endpoint.
 */
class ReferralIT extends ApplicationIT {
  static final String PASSWORD = "referral-password";
  static boolean prepared;
  static final UUID HEALTH = UUID.randomUUID();
  static final UUID SHELTER = UUID.randomUUID();

  final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);

  @BeforeEach
  void prepare() {
    if (prepared) {
      return;
    }
    defineArea("69", "PROVINCE", null);
    defineArea("69001", "COMMUNE", "69");
    defineArea("69002", "COMMUNE", "69");
    defineUser("referral.worker", PASSWORD, "CASE_WORKER", "69001");
    defineUser("referral.supervisor", PASSWORD, "SUPERVISOR", "69");
    ApiClient supervisor = as("referral.supervisor");
    assertThat(
            supervisor
                .put(
                    "/api/v1/providers/" + HEALTH,
                    "{\"name\":\"Trạm y tế xã Synthetic\",\"type\":\"HEALTH\","
                        + "\"areaCodes\":[\"69001\"],\"contactPoint\":\"0203 100 100\"}")
                .status())
        .isEqualTo(204);
    assertThat(
            supervisor
                .put(
                    "/api/v1/providers/" + SHELTER,
                    "{\"name\":\"Nhà tạm lánh tỉnh Synthetic\",\"type\":\"SHELTER\","
                        + "\"areaCodes\":[\"69\"]}")
                .status())
        .isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> as("referral.worker").get("/api/v1/providers").json().findValuesAsText("id"),
            ids -> ids.containsAll(List.of(HEALTH.toString(), SHELTER.toString())));
    provider("health.user", HEALTH);
    provider("shelter.user", SHELTER);
    prepared = true;
  }

  void provider(String username, UUID provider) {
    ApiClient.Response r =
        admin()
            .put(
                "/api/v1/users/" + username,
                "{\"displayName\":\"Synthetic\",\"roles\":[\"PROVIDER\"],\"providerId\":\"%s\",\"password\":\"%s\"}"
                    .formatted(provider, PASSWORD));
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
  }

  ApiClient as(String username) {
    return new ApiClient(port, username, PASSWORD);
  }

  String reportCase(OffsetDateTime at, boolean seriousDanger) {
    ApiClient.Response created =
        as("referral.worker")
            .post(
                "/api/v1/cases",
                CaseApiIT.caseBody(null, "PHONE", "")
                    .replace("06652", "69001")
                    .replace(CaseApiIT.RECENT, at.toString())
                    .replace("\"seriousDanger\":true", "\"seriousDanger\":" + seriousDanger));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  String refer(String caseId, UUID provider, String service, OffsetDateTime at) {
    ApiClient.Response referred =
        as("referral.worker")
            .post(
                "/api/v1/cases/" + caseId + "/referrals",
                "{\"providerId\":\"%s\",\"service\":\"%s\",\"consentRecorded\":true,\"note\":\"Synthetic: needs a check-up\",\"referredAt\":\"%s\"}"
                    .formatted(provider, service, at));
    assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
    return referred.json().get("referralId").asText();
  }

  JsonNode referralOf(ApiClient api, String path, String referralId) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              for (JsonNode r : api.get(path).json()) {
                if (r.get("id").asText().equals(referralId)) {
                  return r;
                }
              }
              return null;
            },
            r -> r != null);
  }

  @Test
  void a_referral_is_sent_accepted_and_done_by_the_provider_s_user_each_step_on_the_timeline() {
    String caseId = reportCase(now.minusHours(2), true);
    // consent is what the law asks for
    ApiClient.Response refused =
        as("referral.worker")
            .post(
                "/api/v1/cases/" + caseId + "/referrals",
                "{\"providerId\":\"%s\",\"service\":\"MEDICAL\",\"consentRecorded\":false,\"referredAt\":\"%s\"}"
                    .formatted(HEALTH, now.minusHours(1)));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().toString()).contains("consentRecorded");

    String referral = refer(caseId, HEALTH, "MEDICAL", now.minusHours(1));
    ApiClient health = as("health.user");
    JsonNode mine = referralOf(health, "/api/v1/referrals", referral);
    assertThat(mine.get("status").asText()).isEqualTo("SENT");
    assertThat(mine.get("caseNumber").asText()).isEqualTo(caseId.substring(29).toUpperCase());
    assertThat(mine.get("note").asText()).isEqualTo("Synthetic: needs a check-up");
    // the provider's user sees no case file and no other provider's referrals
    assertThat(health.get("/api/v1/cases/" + caseId).status()).isEqualTo(403);
    assertThat(health.get("/api/v1/cases").status()).isEqualTo(403);
    assertThat(health.get("/api/v1/children/" + UUID.randomUUID()).status()).isEqualTo(403);
    assertThat(as("shelter.user").get("/api/v1/referrals").json().findValuesAsText("id"))
        .doesNotContain(referral);
    assertThat(
            as("shelter.user")
                .post(
                    "/api/v1/cases/" + caseId + "/referrals/" + referral + "/answer",
                    "{\"accepted\":true,\"answeredAt\":\"%s\"}".formatted(now.minusMinutes(30)))
                .status())
        .as("another provider's user does not know the referral")
        .isEqualTo(404);

    CaseProcedureIT.ok(
        health.post(
            "/api/v1/cases/" + caseId + "/referrals/" + referral + "/answer",
            "{\"accepted\":true,\"answeredAt\":\"%s\"}".formatted(now.minusMinutes(30))));
    CaseProcedureIT.ok(
        health.post(
            "/api/v1/cases/" + caseId + "/referrals/" + referral + "/completion",
            "{\"completedOn\":\"%s\",\"outcome\":\"Synthetic: examined, no injury\"}"
                .formatted(now.toLocalDate())));
    JsonNode done =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    referralOf(
                        as("referral.worker"), "/api/v1/cases/" + caseId + "/referrals", referral),
                r -> r.get("status").asText().equals("DONE"));
    assertThat(done.get("answeredBy").asText()).isEqualTo("health.user");
    assertThat(done.get("outcome").asText()).isEqualTo("Synthetic: examined, no injury");
    assertThat(done.get("providerName").asText()).isEqualTo("Trạm y tế xã Synthetic");
    List<String> timeline =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    as("referral.worker")
                        .get("/api/v1/cases/" + caseId + "/timeline")
                        .json()
                        .findValuesAsText("type"),
                t -> t.contains("ReferralCompleted"));
    assertThat(timeline)
        .containsSubsequence("CaseReferred", "ReferralAccepted", "ReferralCompleted");
    // a worker of another commune does not see the case's referrals
    defineUser("referral.other", PASSWORD, "CASE_WORKER", "69002");
    assertThat(as("referral.other").get("/api/v1/cases/" + caseId + "/referrals").status())
        .isEqualTo(404);
  }

  @Test
  void a_shelter_declines_with_a_reason_and_an_unanswered_referral_is_overdue() {
    String caseId = reportCase(now.minusDays(6), false);
    String declined = refer(caseId, SHELTER, "SAFE_PLACEMENT", now.minusDays(5));
    ApiClient shelter = as("shelter.user");
    referralOf(shelter, "/api/v1/referrals", declined);
    ApiClient.Response noReason =
        shelter.post(
            "/api/v1/cases/" + caseId + "/referrals/" + declined + "/answer",
            "{\"accepted\":false,\"answeredAt\":\"%s\"}".formatted(now.minusDays(4)));
    assertThat(noReason.status()).isEqualTo(422);
    CaseProcedureIT.ok(
        shelter.post(
            "/api/v1/cases/" + caseId + "/referrals/" + declined + "/answer",
            "{\"accepted\":false,\"reason\":\"No place for a girl tonight\",\"answeredAt\":\"%s\"}"
                .formatted(now.minusDays(4))));
    JsonNode answer =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    referralOf(
                        as("referral.worker"), "/api/v1/cases/" + caseId + "/referrals", declined),
                r -> r.get("status").asText().equals("DECLINED"));
    assertThat(answer.get("declineReason").asText()).isEqualTo("No place for a girl tonight");
    assertThat(answer.get("overdue").asBoolean()).isFalse();

    // sent five days ago to the health station, still unanswered: past its two working days
    String waiting = refer(caseId, HEALTH, "MEDICAL", now.minusDays(5));
    JsonNode late =
        referralOf(as("referral.worker"), "/api/v1/cases/" + caseId + "/referrals", waiting);
    assertThat(late.get("status").asText()).isEqualTo("SENT");
    assertThat(late.get("overdue").asBoolean()).isTrue();
    assertThat(
            await()
                .atMost(Duration.ofSeconds(20))
                .until(
                    () ->
                        as("referral.worker")
                            .get("/api/v1/cases/" + caseId + "/timeline")
                            .json()
                            .findValuesAsText("type"),
                    t -> t.contains("ReferralAnswerMissed")))
        .contains("ReferralDeclined");
  }

  @Test
  void the_operator_who_escalated_sees_what_became_of_the_call_without_the_case_file() {
    defineUser("referral.operator", PASSWORD, "HOTLINE_OPERATOR", "69");
    ApiClient operator = as("referral.operator");
    ApiClient.Response taken =
        operator.post(
            "/api/v1/contacts",
            HotlineIT.contact(now.minusMinutes(40), "HOTLINE_111", "VIOLENCE", "69001", null));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
    String contactId = taken.json().get("id").asText();
    assertThat(
            await()
                .atMost(Duration.ofSeconds(10))
                .until(
                    () -> operator.get("/api/v1/contacts/" + contactId + "/follow-up"),
                    r -> r.status() == 200)
                .json()
                .get("escalated")
                .asBoolean())
        .as("not escalated yet")
        .isFalse();
    ApiClient.Response escalated =
        operator.post(
            "/api/v1/contacts/" + contactId + "/escalation",
            """
            {"areaCode":"69001","suspectedForms":["VIOLENCE"],"seriousDanger":false,
             "description":"synthetic","child":{"fullName":"Synthetic Theo Dõi","ageYears":7,"sex":"MALE","ethnicity":"00","disability":false}}
            """);
    assertThat(escalated.status()).as(escalated.toString()).isEqualTo(201);
    String caseId = escalated.json().get("caseId").asText();
    ApiClient worker = as("referral.worker");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> worker.get("/api/v1/cases/" + caseId).status() == 200);
    CaseProcedureIT.ok(
        worker.post(
            "/api/v1/cases/" + caseId + "/assignment", "{\"workerUsername\":\"referral.worker\"}"));
    refer(caseId, HEALTH, "MEDICAL", now.minusMinutes(10));

    JsonNode followUp =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> operator.get("/api/v1/contacts/" + contactId + "/follow-up").json(),
                f -> f.get("taken").asBoolean() && f.get("referrals").size() == 1);
    assertThat(followUp.get("caseNumber").asText()).isEqualTo(caseId.substring(29).toUpperCase());
    assertThat(followUp.get("referrals").get(0).get("service").asText()).isEqualTo("MEDICAL");
    assertThat(followUp.get("referrals").get(0).get("status").asText()).isEqualTo("SENT");
    assertThat(followUp.toString()).doesNotContain("Synthetic Theo Dõi").doesNotContain("note");
    assertThat(operator.get("/api/v1/cases/" + caseId).status()).isEqualTo(403);
    FormSession page = new FormSession(port);
    assertThat(page.signIn("referral.operator", PASSWORD)).isTrue();
    assertThat(page.get("/hotline/contacts/" + contactId).body())
        .contains("id=\"follow-up\"")
        .contains("id=\"follow-up-referrals\"");
  }

  @Test
  void on_the_pages_a_worker_refers_and_the_provider_s_user_accepts_and_reports_it_done() {
    String caseId = reportCase(now.minusHours(3), false);
    FormSession worker = new FormSession(port);
    assertThat(worker.signIn("referral.worker", PASSWORD)).isTrue();
    String page =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> worker.get("/cases/" + caseId).body(),
                body -> body.contains("id=\"referral-form\""));
    assertThat(page).contains("Trạm y tế xã Synthetic").contains("Nhà tạm lánh tỉnh Synthetic");
    String at =
        now.minusHours(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
    var sent =
        worker.post(
            "/cases/" + caseId + "/referrals",
            "providerId="
                + HEALTH
                + "&service=MEDICAL&referredAt="
                + java.net.URLEncoder.encode(at, java.nio.charset.StandardCharsets.UTF_8)
                + "&consentRecorded=true&note=Synthetic");
    assertThat(sent.statusCode()).isEqualTo(302);

    FormSession health = new FormSession(port);
    assertThat(health.signIn("health.user", PASSWORD)).isTrue();
    assertThat(health.get("/").headers().firstValue("Location").orElse("")).endsWith("/referrals");
    String list =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> health.get("/referrals").body(),
                body -> body.contains(caseId.substring(29).toUpperCase()));
    String referral = between(list, "data-referral=\"", "\"");
    var accepted =
        health.post(
            "/referrals/" + caseId + "/" + referral + "/answer",
            "from=list&accepted=true&answeredAt="
                + java.net.URLEncoder.encode(
                    now.minusMinutes(20)
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")),
                    java.nio.charset.StandardCharsets.UTF_8));
    assertThat(accepted.statusCode()).isEqualTo(302);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> health.get("/referrals").body().contains("id=\"complete-" + referral + "\""));
    var done =
        health.post(
            "/referrals/" + caseId + "/" + referral + "/completion",
            "from=list&completedOn="
                + now.toLocalDate()
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + "&outcome=Synthetic%20check-up%20done");
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(health.get("/cases/" + caseId).statusCode()).isEqualTo(403);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> worker.get("/cases/" + caseId).body(),
            body ->
                body.contains("data-status=\"DONE\"") && body.contains("Synthetic check-up done"));
  }

  @Test
  void a_referral_carries_out_an_intervention_of_the_plan() {
    String caseId = reportCase(now.minusHours(4), false);
    ApiClient worker = as("referral.worker");
    String base = "/api/v1/cases/" + caseId;
    CaseProcedureIT.ok(
        worker.post(base + "/assignment", "{\"workerUsername\":\"referral.worker\"}"));
    CaseProcedureIT.ok(
        worker.post(
            base + "/initial-assessment",
            "{\"assessedAt\":\"%s\",\"riskLevel\":\"HIGH\"}".formatted(now.minusHours(3))));
    CaseProcedureIT.ok(
        worker.post(
            base + "/assessment",
            "{\"assessedAt\":\"%s\",\"abuseConfirmed\":true,\"confirmedForms\":[\"VIOLENCE\"]}"
                .formatted(now.minusHours(2))));
    UUID medical = UUID.randomUUID();
    CaseProcedureIT.ok(
        worker.post(
            base + "/plan",
            "{\"submittedAt\":\"%s\",\"goals\":\"g\",\"interventions\":[{\"id\":\"%s\",\"type\":\"MEDICAL\",\"provider\":\"Trạm y tế\",\"dueOn\":\"%s\"}]}"
                .formatted(now.minusHours(1), medical, now.toLocalDate().plusDays(5))));
    String body =
        "{\"providerId\":\"%s\",\"service\":\"MEDICAL\",\"consentRecorded\":true,\"referredAt\":\"%s\",\"interventionId\":\"%s\"}";
    assertThat(
            worker
                .post(
                    base + "/referrals",
                    body.formatted(HEALTH, now.minusMinutes(30), UUID.randomUUID()))
                .status())
        .isEqualTo(422);
    ApiClient.Response referred =
        worker.post(base + "/referrals", body.formatted(HEALTH, now.minusMinutes(30), medical));
    assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
    JsonNode referral =
        referralOf(worker, base + "/referrals", referred.json().get("referralId").asText());
    assertThat(referral.get("interventionId").asText()).isEqualTo(medical.toString());
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}
