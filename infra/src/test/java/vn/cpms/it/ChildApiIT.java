package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A child's record over HTTP: registration, search at intake, circumstances, support, incidents.
 */
class ChildApiIT extends ApplicationIT {
  static String child(UUID id, String name) {
    return """
        {"id":"%s","fullName":"%s","birthDate":"2014-03-05","sex":"MALE","ethnicity":"01",
         "disability":false,"areaCode":"06652",
         "guardian":{"fullName":"Synthetic Guardian","relation":"MOTHER","phone":"0900000002"}}
        """
        .formatted(id, name);
  }

  @Test
  void a_registered_child_is_found_by_name_without_accents_and_its_record_grows() {
    ApiClient api = admin();
    UUID id = UUID.randomUUID();
    ApiClient.Response created = api.post("/api/v1/children", child(id, "Đặng Văn Thử Nghiệm"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/v1/children/" + id);
    assertThat(api.post("/api/v1/children", child(id, "Đặng Văn Thử Nghiệm")).status())
        .isEqualTo(200);
    assertThat(api.post("/api/v1/children", child(id, "Another Name")).status()).isEqualTo(409);

    String base = "/api/v1/children/" + id;
    assertThat(
            api.post(
                    base + "/special-circumstances",
                    "{\"group\":\"SC01\",\"identifiedOn\":\"2025-01-10\"}")
                .status())
        .isEqualTo(200);
    ApiClient.Response again =
        api.post(
            base + "/special-circumstances",
            "{\"group\":\"SC01\",\"identifiedOn\":\"2025-02-10\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("code").asText()).isEqualTo("child.circumstance-active");
    assertThat(
            api.post(
                    base + "/special-circumstances/SC01/end",
                    "{\"endedOn\":\"2025-06-01\",\"reason\":\"adopted\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    base + "/support",
                    "{\"kind\":\"cash\",\"providedOn\":\"2025-02-01\",\"amountVnd\":500000}")
                .status())
        .isEqualTo(200);
    String drowning =
        "{\"id\":\""
            + UUID.randomUUID()
            + "\",\"type\":\"INJURY\",\"occurredOn\":\"2025-07-01\","
            + "\"areaCode\":\"06652\",\"injuryCause\":\"DROWNING\",\"fatal\":false}";
    ApiClient.Response incident = api.post(base + "/incidents", drowning);
    assertThat(incident.status()).as(incident.toString()).isEqualTo(201);
    ApiClient.Response repeated = api.post(base + "/incidents", drowning);
    assertThat(repeated.status()).isEqualTo(200);
    assertThat(repeated.json().get("version")).isEqualTo(incident.json().get("version"));

    JsonNode view =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> api.get(base),
                r -> r.status() == 200 && r.json().get("version").asLong() == 4)
            .json();
    assertThat(view.get("specialCircumstances").get(0).get("endedOn").asText())
        .isEqualTo("2025-06-01");
    assertThat(view.get("support").get(0).get("amountVnd").asLong()).isEqualTo(500000);
    assertThat(view.get("incidents").get(0).get("injuryCause").asText()).isEqualTo("DROWNING");

    JsonNode hits = api.get("/api/v1/children?query=dang%20van%20thu").json();
    assertThat(hits.findValuesAsText("childId")).contains(id.toString());
    JsonNode byBirth = api.get("/api/v1/children?query=2014-03-05&area=06652").json();
    assertThat(byBirth.findValuesAsText("childId")).contains(id.toString());
    // the same with the name in the body, in no URL (issue 17)
    ApiClient.Response posted =
        api.post("/api/v1/children/search", "{\"query\":\"Đặng Văn Thử\",\"area\":[\"06652\"]}");
    assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
    assertThat(posted.json().findValuesAsText("childId")).contains(id.toString());
  }

  @Test
  void invalid_child_input_is_a_422_per_field_and_nothing_is_stored() {
    long before = storedEvents();
    ApiClient.Response response =
        admin()
            .post(
                "/api/v1/children",
                "{\"fullName\":\"\",\"sex\":\"BOY\",\"birthDate\":\"2999-01-01\",\"areaCode\":\"1\"}");
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").findValuesAsText("field"))
        .contains("fullName", "sex", "areaCode");
    assertThat(storedEvents()).isEqualTo(before);

    ApiClient.Response incident =
        admin()
            .post(
                "/api/v1/children/" + UUID.randomUUID() + "/incidents",
                "{\"type\":\"FLOOD\",\"occurredOn\":\"2025-07-01\",\"areaCode\":\"06652\"}");
    assertThat(incident.status()).isEqualTo(422);
    assertThat(admin().get("/api/v1/children?query=a").status()).isEqualTo(422);
    assertThat(admin().get("/api/v1/children/" + UUID.randomUUID()).status()).isEqualTo(404);
  }
}
