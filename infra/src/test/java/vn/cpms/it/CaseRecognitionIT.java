package vn.cpms.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, point 4: a worker recognises a case by a short case number and the child's name, sees
 * communes by name, finds a case by its number or the child's name, reaches the child's cases from
 * the child's page; the hotline operator has a reference to give the caller; a contact's area must
 * be a commune the system knows.
 */
class CaseRecognitionIT extends ApplicationIT {
  static final String CHILD = "Hà Thị Nhận Diện";
  static final String AREA_NAME = "Synthetic 58101";

  String reportCase() {
    ApiClient.Response created =
        admin()
            .post(
                "/api/v1/cases",
                CaseApiIT.caseBody(null, "PHONE", "")
                    .replace("06652", "58101")
                    .replace("Trần Thị Tổng Hợp", CHILD));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  @Test
  void a_case_has_a_number_the_child_s_name_and_its_commune_s_name_on_every_page() {
    defineArea("58", "PROVINCE", null);
    defineArea("58101", "COMMUNE", "58");
    defineUser("recognition.worker", "recognition-password", "CASE_WORKER", "58101");
    String id = reportCase();
    String other = reportCase();
    String number = id.substring(id.length() - 7).toUpperCase();

    ApiClient worker = new ApiClient(port, "recognition.worker", "recognition-password");
    var view =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> worker.get("/api/v1/cases/" + id), r -> r.status() == 200)
            .json();
    assertThat(view.get("caseNumber").asText()).isEqualTo(number);

    FormSession page = new FormSession(port);
    assertThat(page.signIn("recognition.worker", "recognition-password")).isTrue();
    String worklist = page.get("/cases").body();
    assertThat(worklist).contains(number).contains(CHILD).contains(AREA_NAME);

    // a case number typed in the search goes to an address that names no one
    var typed = page.post("/cases/search", "q=" + number.toLowerCase());
    assertThat(typed.statusCode()).isEqualTo(302);
    assertThat(typed.headers().firstValue("Location").orElseThrow()).endsWith("?number=" + number);
    String byNumber = page.get("/cases?number=" + number).body();
    assertThat(byNumber).contains("data-case=\"" + id + "\"").doesNotContain(other);
    // a name is searched from the form's body, never from the address
    // (the children's read model, which the search reads, may lag the worklist a moment)
    var byName =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> page.post("/cases/search", "q=" + URLEncoder.encode("nhan dien", UTF_8)),
                r -> r.body().contains("data-case=\"" + other + "\""));
    assertThat(byName.statusCode()).isEqualTo(200);
    assertThat(byName.body())
        .contains("data-case=\"" + id + "\"")
        .contains("data-case=\"" + other + "\"");
    assertThat(page.post("/cases/search", "q=nobody%20named").body()).doesNotContain(id);
    var wrong = worker.get("/api/v1/cases?caseNumber=XYZ");
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(worker.get("/api/v1/cases?caseNumber=" + number).json().get("content")).hasSize(1);

    // (the case page also reads the timeline, a read model of its own that may lag a moment)
    String casePage =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> page.get("/cases/" + id).body(), body -> body.contains("case-number"));
    assertThat(casePage).contains(number).contains(CHILD).contains(AREA_NAME);

    String childId = view.get("child").get("id").asText();
    String childPage =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> page.get("/children/" + childId).body(),
                body -> body.contains("href=\"/cases/" + id + "\""));
    assertThat(childPage).contains("href=\"/cases/" + id + "\"").contains(number);
  }

  @Test
  void the_operator_gets_the_case_number_to_give_the_caller_and_a_contact_s_area_must_exist() {
    defineArea("58", "PROVINCE", null);
    defineArea("58101", "COMMUNE", "58");
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0).minusMinutes(5);
    ApiClient admin = admin();
    var unknown =
        admin.post(
            "/api/v1/contacts", HotlineIT.contact(at, "HOTLINE_111", "VIOLENCE", "123", null));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
    assertThat(unknown.json().toString()).contains("areaCode");

    var taken =
        admin.post(
            "/api/v1/contacts", HotlineIT.contact(at, "HOTLINE_111", "VIOLENCE", "58101", null));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
    String contactId = taken.json().get("id").asText();
    var escalated =
        admin.post(
            "/api/v1/contacts/" + contactId + "/escalation",
            """
            {"areaCode":"58101","suspectedForms":["VIOLENCE"],"seriousDanger":true,
             "description":"synthetic","child":{"fullName":"%s","ageYears":9,"sex":"FEMALE","ethnicity":"00","disability":false}}
            """
                .formatted(CHILD));
    assertThat(escalated.status()).as(escalated.toString()).isEqualTo(201);
    String caseId = escalated.json().get("caseId").asText();
    FormSession page = new FormSession(port);
    assertThat(page.signIn("admin", ADMIN_PASSWORD)).isTrue();
    String contact =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> page.get("/hotline/contacts/" + contactId).body(),
                body -> body.contains("id=\"case-reference\""));
    assertThat(contact).contains(caseId.substring(caseId.length() - 7).toUpperCase());
    assertThat(contact).contains(AREA_NAME);
  }
}
