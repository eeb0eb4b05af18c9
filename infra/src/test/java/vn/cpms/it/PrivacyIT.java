package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding end to end: personal data is never in clear in the event store; erasing a child
 * makes its name, birth date, guardian, the description of its case and the summary of the call
 * about it unreadable for good, on its pages and after every projection is rebuilt from zero, while
 * every statistic stays exactly as it was.
 */
class PrivacyIT extends ApplicationIT {
  // A synthetic province 65 with commune 65001 and a population, used by this test only.
  static boolean defined;

  static final String CHILD_NAME = "Lò Thị Riêng Tư";
  static final String BIRTH_DATE = "2013-02-27";
  static final String ADDRESS = "Bản Synthetic Ẩn Danh 7";
  static final String GUARDIAN = "Lò Văn Giám Hộ";
  static final String GUARDIAN_PHONE = "0987654321";
  static final String DESCRIPTION = "Mô tả riêng tư về sự việc";
  static final String REPORTER_PHONE = "0911222333";
  static final String SUMMARY = "Tóm tắt cuộc gọi riêng tư";
  static final String CALLER_PHONE = "0977888999";
  static final String SUPPORT_NOTE = "Ghi chú hỗ trợ riêng tư";

  static final List<String> MEASURES =
      List.of(
          "cases-reported?by=sex,ageGroup",
          "special-circumstance-children?by=ageGroup,group",
          "special-circumstance-supported",
          "injured-children?by=ageGroup,injuryCause",
          "contacts?by=category",
          "contacts-escalated",
          "cases-open");

  @BeforeEach
  void defineAreas() {
    if (defined) {
      return;
    }
    defineArea("65", "PROVINCE", null);
    defineArea("65001", "COMMUNE", "65");
    defineUser("worker.65001", "worker-password", "CASE_WORKER", "65001");
    defined = true;
  }

  List<String> statistics() {
    String year = String.valueOf(OffsetDateTime.now(ZoneOffset.ofHours(7)).getYear());
    List<String> figures = new ArrayList<>();
    for (String measure : MEASURES) {
      String sep = measure.contains("?") ? "&" : "?";
      ApiClient.Response r =
          admin()
              .get(
                  "/api/v1/statistics/"
                      + measure
                      + sep
                      + "area=65&from="
                      + year
                      + "-01-01&to="
                      + year
                      + "-12-31");
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      JsonNode json = r.json();
      ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("asOf");
      figures.add(json.toString());
    }
    return figures;
  }

  String storedPayloads() {
    return String.join(
        "\n",
        jdbc.query(
            "select payload from domainevententry",
            (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)));
  }

  @Test
  void an_erased_child_is_unreadable_everywhere_and_every_statistic_is_unchanged() {
    ApiClient admin = admin();
    String now = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(2).withNano(0).toString();
    String today = now.substring(0, 10);

    // a call about the child, escalated to the commune as a case, then the child's history
    ApiClient.Response contact =
        admin.post(
            "/api/v1/contacts",
            """
            {"receivedAt":"%s","channel":"HOTLINE_111","callerType":"NEIGHBOUR",
             "category":"VIOLENCE","areaCode":"65001","summary":"%s","callerPhone":"%s"}
            """
                .formatted(now, SUMMARY, CALLER_PHONE));
    assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
    String contactId = contact.json().get("id").asText();
    ApiClient.Response escalated =
        admin.post(
            "/api/v1/contacts/" + contactId + "/escalation",
            """
            {"areaCode":"65001","suspectedForms":["VIOLENCE"],"seriousDanger":false,
             "description":"%s",
             "child":{"fullName":"%s","birthDate":"%s","sex":"FEMALE","ethnicity":"05",
                      "disability":true,"areaCode":"65001","address":"%s",
                      "guardian":{"fullName":"%s","relation":"MOTHER","phone":"%s"}}}
            """
                .formatted(DESCRIPTION, CHILD_NAME, BIRTH_DATE, ADDRESS, GUARDIAN, GUARDIAN_PHONE));
    assertThat(escalated.status()).as(escalated.toString()).isIn(200, 201);
    String caseId = escalated.json().get("caseId").asText();
    String childId = escalated.json().get("childId").asText();
    ApiClient.Response second =
        admin.post(
            "/api/v1/cases",
            """
            {"reportedAt":"%s","channel":"SCHOOL","areaCode":"65001","child":{"id":"%s"},
             "suspectedForms":["NEGLECT"],"seriousDanger":false,"description":"%s",
             "reporter":{"fullName":"Synthetic Teacher","relation":"TEACHER","phone":"%s"}}
            """
                .formatted(now, childId, DESCRIPTION, REPORTER_PHONE));
    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> admin.get("/api/v1/children/" + childId).status() == 200);
    assertThat(
            admin
                .post(
                    "/api/v1/children/" + childId + "/special-circumstances",
                    "{\"group\":\"SC03\",\"identifiedOn\":\"" + today + "\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            admin
                .post(
                    "/api/v1/children/" + childId + "/support",
                    "{\"kind\":\"CASH\",\"providedOn\":\""
                        + today
                        + "\",\"amountVnd\":500000,\"note\":\""
                        + SUPPORT_NOTE
                        + "\"}")
                .status())
        .isEqualTo(200);
    ApiClient.Response incident =
        admin.post(
            "/api/v1/children/" + childId + "/incidents",
            "{\"type\":\"INJURY\",\"occurredOn\":\""
                + today
                + "\",\"areaCode\":\"65001\",\"injuryCause\":\"FALL\",\"note\":\""
                + SUPPORT_NOTE
                + "\"}");
    assertThat(incident.status()).as(incident.toString()).isEqualTo(201);

    // the pages show the identity, the event store never holds it in clear
    JsonNode child =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> admin.get("/api/v1/children/" + childId).json(),
                c -> c.get("incidents").size() == 1 && c.get("support").size() == 1);
    assertThat(child.get("fullName").asText()).isEqualTo(CHILD_NAME);
    assertThat(child.get("guardian").get("phone").asText()).isEqualTo(GUARDIAN_PHONE);
    assertThat(child.get("erased").asBoolean()).isFalse();
    String stored = storedPayloads();
    for (String secret :
        List.of(
            CHILD_NAME,
            BIRTH_DATE,
            ADDRESS,
            GUARDIAN,
            GUARDIAN_PHONE,
            DESCRIPTION,
            REPORTER_PHONE,
            SUMMARY,
            CALLER_PHONE,
            SUPPORT_NOTE)) {
      assertThat(stored).as("stored events").doesNotContain(secret);
    }
    assertThat(stored).contains("\"ethnicity\":\"05\"").contains("\"disability\":true");

    await().atMost(Duration.ofSeconds(60)).until(() -> statistics().get(0).contains("\"total\":2"));
    List<String> before = statistics();
    assertThat(before.get(1)).contains("\"total\":1");
    assertThat(before.get(3)).contains("\"total\":1");

    // only an admin erases
    ApiClient worker = new ApiClient(port, "worker.65001", "worker-password");
    assertThat(worker.post("/api/v1/children/" + childId + "/erasure", "{}").status())
        .isEqualTo(403);
    ApiClient.Response erased = admin.post("/api/v1/children/" + childId + "/erasure", "{}");
    assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
    assertThat(admin.post("/api/v1/children/" + UUID.randomUUID() + "/erasure", "{}").status())
        .isEqualTo(404);

    assertErased(admin, childId, caseId, contactId);
    assertThat(statistics()).containsExactlyElementsOf(before);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from personal_data_key where wrapped_key is not null and"
                    + " (subject_id = ?::uuid or owner_id = ?::uuid)",
                Long.class,
                childId,
                childId))
        .isZero();

    // a replay reads the erased fields as null and reaches the same pages and figures
    rebuild("children", "worklist", "hotline", "statistics");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertErased(admin, childId, caseId, contactId));
    assertThat(statistics()).containsExactlyElementsOf(before);
  }

  void assertErased(ApiClient admin, String childId, String caseId, String contactId) {
    JsonNode child =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> admin.get("/api/v1/children/" + childId).json(),
                c -> c.get("erased").asBoolean());
    assertThat(child.get("fullName").isNull()).isTrue();
    assertThat(child.get("birthDate").isNull()).isTrue();
    assertThat(child.get("address").isNull()).isTrue();
    assertThat(child.get("guardian").isNull()).isTrue();
    assertThat(child.get("sex").asText()).isEqualTo("FEMALE");
    assertThat(child.get("specialCircumstances").size()).isEqualTo(1);
    assertThat(child.get("support").get(0).get("note").isNull()).isTrue();
    assertThat(child.get("incidents").get(0).get("note").isNull()).isTrue();
    JsonNode theCase =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> admin.get("/api/v1/cases/" + caseId).json(),
                c -> c.get("description").isNull());
    assertThat(theCase.get("areaCode").asText()).isEqualTo("65001");
    // the hotline read model erases the call's summary on its own processor: wait for it too
    JsonNode call =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> admin.get("/api/v1/contacts/" + contactId).json(),
                c -> c.get("summary").isNull());
    assertThat(call.get("category").asText()).isEqualTo("VIOLENCE");
    assertThat(admin.get("/api/v1/children?query=Riêng").json().toString()).doesNotContain(childId);
  }
}
