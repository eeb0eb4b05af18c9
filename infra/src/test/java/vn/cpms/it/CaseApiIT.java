package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A case travels REST → command → aggregate → event store → projection → query, for real. */
class CaseApiIT extends ApplicationIT {
  /**
   * Reports in these tests are an hour old: their legal clocks run out hours after the suite, so no
   * deadline writes an event while a test counts them.
   */
  static final java.time.OffsetDateTime RECENT_TIME =
      java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7))
          .minusHours(1)
          .withSecond(30) // never :00, which ISO-8601 text would drop (19:48 vs 19:48:00)
          .withNano(0);

  static final String RECENT = RECENT_TIME.toString();

  static String caseBody(UUID id, String channel, String extra) {
    return """
        {%s"reportedAt":"%s","channel":"%s","areaCode":"06652",
         "child":{"fullName":"Trần Thị Tổng Hợp","ageYears":9,"sex":"FEMALE","ethnicity":"01",
                  "disability":false},
         "suspectedForms":["VIOLENCE","NEGLECT"],"seriousDanger":true,
         "description":"Synthetic report for a test"%s}
        """
        .formatted(id == null ? "" : "\"id\":\"" + id + "\",", RECENT, channel, extra);
  }

  @Test
  void a_reported_case_is_stored_once_and_read_back_through_the_worklist() {
    ApiClient api = admin();
    ApiClient.Response created = api.post("/api/v1/cases", caseBody(null, "HOTLINE_111", ""));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.header("Location")).endsWith("/api/v1/cases/" + id);
    String childId = created.json().get("childId").asText();

    JsonNode view =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> api.get("/api/v1/cases/" + id), r -> r.status() == 200)
            .json();
    assertThat(view.get("status").asText()).isEqualTo("REPORTED");
    assertThat(view.get("areaCode").asText()).isEqualTo("06652");
    assertThat(view.get("channel").asText()).isEqualTo("HOTLINE_111");
    assertThat(view.get("reportedAt").asText()).isEqualTo(RECENT);
    assertThat(view.get("initialAssessmentDueAt").asText())
        .isEqualTo(RECENT_TIME.plusHours(12).toString());
    assertThat(view.get("child").get("id").asText()).isEqualTo(childId);
    assertThat(view.get("child").get("ageYears").asInt()).isEqualTo(9);
    assertThat(view.get("suspectedForms")).hasSize(2);

    JsonNode page = api.get("/api/v1/cases?area=06652&size=200").json();
    assertThat(page.get("content").findValuesAsText("id")).contains(id);

    assertThat(
            jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?"
                    + " and payloadtype like '%.CaseReportedEvent'",
                Long.class, id))
        .as("the report is stored once (its 12-hour clock, long past, may add a missed event)")
        .isEqualTo(1L);
    String metadata =
        jdbc.queryForObject(
            "select convert_from(metadata, 'UTF8') from domainevententry"
                + " where aggregateidentifier = ? and payloadtype like '%.CaseReportedEvent'",
            String.class, id);
    assertThat(metadata).contains("\"username\":\"admin\"");
  }

  @Test
  void the_same_report_sent_twice_with_its_id_is_stored_once() {
    ApiClient api = admin();
    UUID id = UUID.randomUUID();
    ApiClient.Response first = api.post("/api/v1/cases", caseBody(id, "PHONE", ""));
    long events = storedEvents();
    ApiClient.Response again = api.post("/api/v1/cases", caseBody(id, "PHONE", ""));

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("childId")).isEqualTo(first.json().get("childId"));
    assertThat(storedEvents()).isEqualTo(events);

    ApiClient.Response different = api.post("/api/v1/cases", caseBody(id, "EMAIL", ""));
    assertThat(different.status()).as(different.toString()).isEqualTo(409);
    assertThat(different.json().get("code").asText()).isEqualTo("case.id-reused");
    assertThat(storedEvents()).isEqualTo(events);
  }

  @Test
  void a_missing_field_is_a_422_naming_the_field_and_nothing_is_stored() {
    long before = storedEvents();
    ApiClient.Response response =
        admin()
            .post(
                "/api/v1/cases",
                caseBody(null, "PHONE", "").replace("\"areaCode\":\"06652\",", ""));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("title").asText()).isEqualTo("Dữ liệu không hợp lệ");
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("areaCode");
    assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("required");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void an_unknown_channel_code_is_a_422_in_english_when_asked() {
    long before = storedEvents();
    ApiClient.Response response =
        admin().inLanguage("en").post("/api/v1/cases", caseBody(null, "FAX", ""));

    assertThat(response.status()).isEqualTo(422);
    JsonNode error = response.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("channel");
    assertThat(error.get("code").asText()).isEqualTo("unknown-code");
    assertThat(error.get("message").asText()).isEqualTo("Not a code of the channel list.");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void a_report_in_the_future_is_a_422_and_registers_no_child() {
    long before = storedEvents();
    ApiClient.Response response =
        admin()
            .post(
                "/api/v1/cases",
                caseBody(null, "PHONE", "").replace(RECENT, "2999-01-01T00:00:00+07:00"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsText("code"))
        .containsExactly("future-date");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void malformed_json_is_a_400_and_nothing_is_stored() {
    long before = storedEvents();
    ApiClient.Response response = admin().post("/api/v1/cases", "{\"reportedAt\": ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("type").asText()).isEqualTo("urn:cpms:problem:malformed");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void a_request_without_credentials_is_a_401_problem_and_nothing_is_stored() {
    long before = storedEvents();
    ApiClient.Response response = anonymous().post("/api/v1/cases", caseBody(null, "PHONE", ""));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(response.json().get("status").asInt()).isEqualTo(401);
    assertThat(storedEvents()).isEqualTo(before);
    assertThat(new ApiClient(port, "admin", "wrong").get("/api/v1/cases").status()).isEqualTo(401);
  }

  @Test
  void an_unknown_case_is_a_404_problem() {
    ApiClient.Response response = admin().get("/api/v1/cases/" + UUID.randomUUID());
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("type").asText()).isEqualTo("urn:cpms:problem:not-found");
  }

  @Test
  void a_case_about_an_unknown_child_id_is_a_422_on_child_id() {
    String body =
        """
        {"reportedAt":"%s","channel":"PHONE","areaCode":"06652",
         "child":{"id":"%s"},"suspectedForms":["VIOLENCE"],"seriousDanger":false,
         "description":"Synthetic"}
        """
            .formatted(RECENT, UUID.randomUUID());
    ApiClient.Response response = admin().post("/api/v1/cases", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsText("field"))
        .isEqualTo(List.of("child.id"));
  }

  @Test
  void code_lists_have_their_labels_in_vietnamese_and_english() {
    JsonNode forms = admin().get("/api/v1/codes/abuse-form").json();
    assertThat(forms.findValuesAsText("code")).startsWith("VIOLENCE", "SEXUAL_ABUSE");
    assertThat(forms.get(0).get("label").asText()).isEqualTo("Bạo lực");
    assertThat(forms.get(0).get("labels").get("en").asText()).isEqualTo("Violence");
    assertThat(
            admin()
                .inLanguage("en")
                .get("/api/v1/codes/abuse-form")
                .json()
                .get(0)
                .get("label")
                .asText())
        .isEqualTo("Violence");
    assertThat(admin().get("/api/v1/codes/ethnicity").json()).hasSize(55);
    assertThat(admin().get("/api/v1/codes/no-such-list").status()).isEqualTo(404);
  }
}
