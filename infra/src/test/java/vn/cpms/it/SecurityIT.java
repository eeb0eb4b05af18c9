package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Lock-out after repeated wrong passwords, the audit trail, and logs without personal data. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT extends ApplicationIT {
  static final ZoneOffset VN = ZoneOffset.ofHours(7);

  @Test
  void five_wrong_passwords_lock_the_account_until_an_admin_sets_a_new_password() {
    defineUser("lock.test", "right-password-1", "CASE_WORKER", "06652");
    assertThat(new ApiClient(port, "lock.test", "right-password-1").get("/api/v1/cases").status())
        .isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(new ApiClient(port, "lock.test", "wrong-" + i).get("/api/v1/cases").status())
          .isEqualTo(401);
    }
    ApiClient.Response locked =
        new ApiClient(port, "lock.test", "right-password-1").get("/api/v1/cases");
    assertThat(locked.status()).as("the right password while locked").isEqualTo(401);
    assertThat(locked.json().get("detail").asText()).contains("15 phút");

    defineUser("lock.test", "right-password-2", "CASE_WORKER", "06652");
    assertThat(new ApiClient(port, "lock.test", "right-password-2").get("/api/v1/cases").status())
        .isEqualTo(200);
  }

  @Test
  void wrong_passwords_below_the_limit_between_right_ones_do_not_lock() {
    defineUser("lock.fine", "right-password-1", "CASE_WORKER", "06652");
    for (int i = 0; i < 4; i++) {
      assertThat(new ApiClient(port, "lock.fine", "wrong").get("/api/v1/cases").status())
          .isEqualTo(401);
      assertThat(
              new ApiClient(port, "lock.fine", "right-password-1")
                  .get("/api/v1/cases/" + UUID.randomUUID())
                  .status())
          .as("signed in, and the case is unknown")
          .isEqualTo(404);
    }
  }

  @Test
  void every_read_and_command_is_audited_with_who_what_and_from_where_and_only_admins_read_it() {
    defineUser("audit.worker", "audit-password", "CASE_WORKER", "06652");
    ApiClient worker = new ApiClient(port, "audit.worker", "audit-password");
    String at = OffsetDateTime.now(VN).minusHours(1).withNano(0).toString();
    ApiClient.Response created =
        worker.post(
            "/api/v1/cases", CaseApiIT.caseBody(null, "PHONE", "").replace(CaseApiIT.RECENT, at));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String caseId = created.json().get("id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> worker.get("/api/v1/cases/" + caseId).status() == 200);
    worker.get("/api/v1/children?query=T%E1%BB%95ng");
    // a denied read is audited too
    assertThat(worker.get("/api/v1/statistics/cases-reported").status()).isEqualTo(403);

    assertThat(worker.get("/api/v1/admin/audit").status()).isEqualTo(403);
    JsonNode entries =
        admin().get("/api/v1/admin/audit?resourceId=" + caseId).json().get("content");
    assertThat(entries.findValuesAsText("action")).contains("COMMAND", "READ");
    JsonNode read = null;
    for (JsonNode e : entries) {
      if (e.get("action").asText().equals("READ") && e.get("status").asInt() == 200) {
        read = e;
      }
    }
    assertThat(read).as(entries.toString()).isNotNull();
    assertThat(read.get("username").asText()).isEqualTo("audit.worker");
    assertThat(read.get("resourceType").asText()).isEqualTo("cases");
    assertThat(read.get("remoteAddr").asText()).isNotBlank();
    assertThat(read.get("at").asText()).isNotBlank();

    JsonNode mine = admin().get("/api/v1/admin/audit?username=audit.worker&size=100").json();
    String all = mine.toString();
    assertThat(all).contains("\"path\":\"/api/v1/children\"").doesNotContain("Tổng");
    assertThat(all).contains("\"path\":\"/api/v1/statistics/cases-reported\"", "\"status\":403");
    assertThat(all).contains("\"path\":\"/api/v1/admin/audit\"");
  }

  @Test
  void a_whole_case_procedure_leaves_no_personal_data_in_the_logs(CapturedOutput output) {
    String name = "Hà Thị Nhật Ký";
    String guardianPhone = "0966554433";
    String reporterPhone = "0955443322";
    String description = "Mô tả nhật ký riêng tư";
    String goals = "Mục tiêu nhật ký riêng";
    String address = "Thôn Nhật Ký 9";
    OffsetDateTime now = OffsetDateTime.now(VN).truncatedTo(ChronoUnit.SECONDS);
    LocalDate today = now.toLocalDate();
    ApiClient api = admin();
    String body =
        """
        {"reportedAt":"%s","channel":"PHONE","areaCode":"06652",
         "child":{"fullName":"%s","birthDate":"2015-04-04","sex":"FEMALE","ethnicity":"01",
                  "disability":false,"address":"%s",
                  "guardian":{"fullName":"%s","relation":"FATHER","phone":"%s"}},
         "suspectedForms":["VIOLENCE"],"seriousDanger":true,"description":"%s",
         "reporter":{"fullName":"%s","relation":"NEIGHBOUR","phone":"%s"}}
        """;
    java.util.function.Function<OffsetDateTime, ApiClient.Response> report =
        at ->
            api.post(
                "/api/v1/cases",
                body.formatted(
                    at, name, address, name, guardianPhone, description, name, reporterPhone));
    // a rejected report (future date) with the same personal data first
    assertThat(report.apply(now.plusDays(3)).status()).isEqualTo(422);
    ApiClient.Response created = report.apply(now.minusHours(3));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String base = "/api/v1/cases/" + created.json().get("id").asText();
    String childId = created.json().get("childId").asText();
    List<ApiClient.Response> steps =
        List.of(
            api.post(base + "/assignment", "{\"workerUsername\":\"worker.a\"}"),
            api.post(
                base + "/initial-assessment",
                "{\"assessedAt\":\"%s\",\"riskLevel\":\"HIGH\",\"emergencyMeasures\":\"%s\"}"
                    .formatted(now.minusHours(2), description)),
            api.post(
                base + "/assessment",
                "{\"assessedAt\":\"%s\",\"abuseConfirmed\":true,\"confirmedForms\":[\"VIOLENCE\"],\"needs\":\"%s\"}"
                    .formatted(now.minusMinutes(90), description)),
            api.post(
                base + "/plan",
                "{\"submittedAt\":\"%s\",\"goals\":\"%s\",\"interventions\":[{\"type\":\"MEDICAL\",\"provider\":\"health centre\",\"dueOn\":\"%s\"}]}"
                    .formatted(now.minusMinutes(60), goals, today.plusDays(7))),
            api.post(
                base + "/plan/approval", "{\"approvedAt\":\"%s\"}".formatted(now.minusMinutes(30))),
            api.post(
                base + "/closure", "{\"closedOn\":\"%s\",\"reason\":\"SAFE\"}".formatted(today)));
    for (ApiClient.Response step : steps) {
      assertThat(step.status()).as(step.toString()).isEqualTo(200);
    }
    // reads, a search by name, and a child's page
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/v1/children/" + childId).status() == 200);
    api.get(
        "/api/v1/children?query="
            + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    api.get(base + "/timeline");

    String logs = output.getAll();
    for (String secret :
        List.of(name, guardianPhone, reporterPhone, description, goals, address, "2015-04-04")) {
      assertThat(logs).as("application logs").doesNotContain(secret);
    }
  }
}
