package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract enforced at the edge (issue 15, first part): loose JSON, a wrong content type, an id
 * of another kind, and required members missing or blank are refused with a problem in the caller's
 * language, and nothing is stored.
 */
class StrictInputIT extends ApplicationIT {
  /** The request is refused with {@code status} and writes nothing. */
  ApiClient.Response refused(int status, ApiClient.Response response, long before) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText()).isNotBlank();
    assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
    return response;
  }

  static String report(String replace, String with) {
    return CaseApiIT.caseBody(null, "PHONE", "").replace(replace, with);
  }

  @Test
  void loose_json_is_a_400_naming_the_member() {
    ApiClient admin = admin();
    long before = storedEvents();
    refused(400, admin.post("/api/v1/cases", report("", "") + " {}"), before);
    refused(
        400,
        admin.post(
            "/api/v1/cases",
            report("\"channel\":\"PHONE\"", "\"channel\":\"PHONE\",\"channel\":\"EMAIL\"")),
        before);
    ApiClient.Response number =
        refused(
            400,
            admin.post("/api/v1/cases", report("\"channel\":\"PHONE\"", "\"channel\":5")),
            before);
    assertThat(number.json().get("errors").findValuesAsText("field")).containsExactly("channel");
    ApiClient.Response bool =
        refused(
            400,
            admin.post(
                "/api/v1/cases", report("\"seriousDanger\":true", "\"seriousDanger\":\"true\"")),
            before);
    assertThat(bool.json().get("errors").findValuesAsText("field"))
        .containsExactly("seriousDanger");
    refused(
        400,
        admin.post("/api/v1/cases", report("\"ageYears\":9", "\"ageYears\":3000000000")),
        before);
    refused(400, admin.post("/api/v1/cases", report("\"ageYears\":9", "\"ageYears\":9.5")), before);
    refused(
        400,
        admin.put("/api/v1/figures/06652/2024/quang-nam-2024/T8a", "{\"value\":1e309}"),
        before);
    refused(
        400,
        admin.post(
            "/api/v1/child-protection-fund/06652/entries",
            "{\"kind\":\"CONTRIBUTION\",\"amountVnd\":\"5000\",\"on\":\"2024-01-01\",\"source\":\"x\"}"),
        before);
    refused(
        400,
        admin.post(
            "/api/v1/child-protection-fund/06652/entries",
            "{\"kind\":\"CONTRIBUTION\",\"amountVnd\":5000.5,\"on\":\"2024-01-01\",\"source\":\"x\"}"),
        before);
  }

  @Test
  void a_wrong_content_type_is_a_415_problem_in_vietnamese() throws Exception {
    long before = storedEvents();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(report("", "")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(r.body()).contains("\"detail\"", "JSON");
    assertThat(r.body()).contains("Định dạng không được hỗ trợ");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void an_id_of_another_kind_is_a_404_not_a_500() {
    ApiClient admin = admin();
    ApiClient.Response reported = admin.post("/api/v1/cases", report("", ""));
    assertThat(reported.status()).isEqualTo(201);
    String caseId = reported.json().get("id").asText();
    String childId = reported.json().get("childId").asText();
    long before = storedEvents();
    refused(
        404,
        admin.post("/api/v1/cases/" + childId + "/assignment", "{\"workerUsername\":\"admin\"}"),
        before);
    refused(
        404,
        admin.post(
            "/api/v1/children/" + caseId + "/incidents",
            "{\"type\":\"INJURY\",\"occurredOn\":\"2025-01-01\",\"areaCode\":\"06652\",\"injuryCause\":\"FALL\"}"),
        before);
    refused(
        404,
        admin.post("/api/v1/contacts/" + caseId + "/closure", "{\"outcome\":\"ADVICE_GIVEN\"}"),
        before);
  }

  @Test
  void required_members_missing_or_blank_are_422_on_that_member() {
    ApiClient admin = admin();
    long before = storedEvents();
    ApiClient.Response noEthnicity =
        refused(422, admin.post("/api/v1/cases", report("\"ethnicity\":\"01\",", "")), before);
    assertThat(noEthnicity.json().get("errors").findValuesAsText("field"))
        .contains("child.ethnicity");
    ApiClient.Response noDisability =
        refused(
            422,
            admin.post(
                "/api/v1/cases", report("\"disability\":false", "\"address\":\"Synthetic\"")),
            before);
    assertThat(noDisability.json().get("errors").findValuesAsText("field"))
        .contains("child.disability");
    ApiClient.Response blank =
        refused(
            422,
            admin.post(
                "/api/v1/cases",
                report(
                    "\"description\":\"Synthetic report for a test\"",
                    "\"description\":\" \\t\\n \"")),
            before);
    assertThat(blank.json().get("errors").findValuesAsText("field")).contains("description");

    ApiClient.Response reported = admin.post("/api/v1/cases", report("", ""));
    String base = "/api/v1/cases/" + reported.json().get("id").asText();
    long after = storedEvents();
    ApiClient.Response noReason =
        refused(
            422,
            admin.post(base + "/transfer", "{\"toAreaCode\":\"06655\",\"consentRecorded\":true}"),
            after);
    assertThat(noReason.json().get("errors").findValuesAsText("field")).contains("reason");
    ApiClient.Response unknownWorker =
        refused(
            422,
            admin.post(
                base + "/assignment", "{\"workerUsername\":\"nobody." + UUID.randomUUID() + "\"}"),
            after);
    assertThat(unknownWorker.json().get("errors").findValuesAsText("field"))
        .contains("workerUsername");
  }

  @Test
  void an_area_the_registry_does_not_know_or_merged_away_is_a_422_and_no_case_disappears() {
    ApiClient admin = admin();
    defineArea("74", "PROVINCE", null);
    defineArea("74001", "COMMUNE", "74");
    defineArea("74002", "COMMUNE", "74");
    admin.post(
        "/api/v1/areas/74002/succession",
        "{\"successorCode\":\"74001\",\"effectiveOn\":\"2025-07-01\"}");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () -> admin.get("/api/v1/areas").raw().body().contains("\"successorCode\":\"74001\""));
    long before = storedEvents();
    ApiClient.Response unknown =
        refused(422, admin.post("/api/v1/cases", report("06652", "99088")), before);
    assertThat(unknown.json().get("errors").findValuesAsText("code")).contains("unknown-area");
    ApiClient.Response merged =
        refused(422, admin.post("/api/v1/cases", report("06652", "74002")), before);
    assertThat(merged.json().get("errors").findValuesAsText("code")).contains("merged-area");
    assertThat(merged.json().get("errors").get(0).get("message").asText()).contains("74001");
    assertThat(storedEvents()).isEqualTo(before);

    ApiClient.Response reported = admin.post("/api/v1/cases", report("", ""));
    long after = storedEvents();
    ApiClient.Response transfer =
        refused(
            422,
            admin.post(
                "/api/v1/cases/" + reported.json().get("id").asText() + "/transfer",
                "{\"toAreaCode\":\"99088\",\"consentRecorded\":true,\"reason\":\"moved\"}"),
            after);
    assertThat(transfer.json().get("errors").findValuesAsText("field")).contains("toAreaCode");
  }

  @Test
  void each_member_keeps_to_its_declared_bounds_and_every_broken_rule_is_named_at_once() {
    ApiClient admin = admin();
    long before = storedEvents();
    String body =
        report(
                "\"disability\":false",
                "\"disability\":false,\"guardian\":{\"fullName\":\"G\","
                    + "\"relation\":\""
                    + "r".repeat(51)
                    + "\",\"phone\":\"0900000000\"}")
            .replace(
                "\"description\":\"Synthetic report for a test\"",
                "\"description\":\"" + "d".repeat(10_001) + "\"")
            .replace(
                "[\"VIOLENCE\",\"NEGLECT\"]",
                "[\"VIOLENCE\",\"NEGLECT\",\"VIOLENCE\",\"NEGLECT\",\"VIOLENCE\","
                    + "\"NEGLECT\",\"VIOLENCE\",\"NEGLECT\"]");
    ApiClient.Response refused =
        refused(422, admin.inLanguage("en").post("/api/v1/cases", body), before);
    assertThat(refused.json().get("errors").findValuesAsText("field"))
        .contains("child.guardian.relation", "description", "suspectedForms");
    assertThat(refused.json().get("errors").findValuesAsText("code"))
        .contains("too-long", "too-many");
    assertThat(refused.json().get("errors").findValuesAsText("message"))
        .contains("More than 7 items.");
  }

  @Test
  void a_lower_case_code_is_unknown_and_a_body_over_a_megabyte_is_a_413() {
    ApiClient admin = admin();
    long before = storedEvents();
    ApiClient.Response lower =
        refused(
            422,
            admin.post("/api/v1/cases", report("\"channel\":\"PHONE\"", "\"channel\":\"phone\"")),
            before);
    assertThat(lower.json().get("errors").findValuesAsText("code")).containsExactly("unknown-code");
    ApiClient.Response large =
        refused(
            413,
            admin.post(
                "/api/v1/cases",
                report(
                    "\"description\":\"Synthetic report for a test\"",
                    "\"description\":\"" + "x".repeat(1_100_000) + "\"")),
            before);
    assertThat(large.json().get("type").asText()).isEqualTo("urn:cpms:problem:too-large");
  }

  @Test
  void a_user_of_an_area_the_registry_does_not_know_is_refused() {
    ApiClient.Response r =
        admin()
            .put(
                "/api/v1/users/nobody.99088",
                "{\"displayName\":\"N\",\"roles\":[\"CASE_WORKER\"],\"areaCodes\":[\"99088\"],"
                    + "\"password\":\"a-long-enough-password\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("areaCodes[0]");
    assertThat(admin().get("/api/v1/users").raw().body()).doesNotContain("nobody.99088");
    long before = storedEvents();
    ApiClient.Response population =
        refused(
            422,
            admin()
                .put(
                    "/api/v1/population/99088/2025",
                    "{\"rows\":[{\"sex\":\"FEMALE\",\"age\":3,\"count\":10}]}"),
            before);
    assertThat(population.json().get("errors").findValuesAsText("code")).contains("unknown-area");
    refused(
        422,
        admin().put("/api/v1/figures/99088/2024/quang-nam-2024/T8a", "{\"value\":91}"),
        before);
  }
}
