package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The hotline over HTTP: intake, repeat callers, escalation to a commune, statistics. */
@ExtendWith(OutputCaptureExtension.class)
class HotlineIT extends ApplicationIT {
  static final String PHONE = "0912 345 678";
  static final String CHILD_NAME = "Lò Thị Bí Mật";
  static final String SUMMARY = "Hàng xóm nghe tiếng trẻ khóc (tổng hợp)";
  static boolean usersCreated;

  final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);

  @BeforeEach
  void users() {
    if (usersCreated) {
      return;
    }
    user("operator.it", "HOTLINE_OPERATOR", "01");
    user("worker.06652", "CASE_WORKER", "06652");
    user("statistician.77002", "STATISTICIAN", "77002");
    usersCreated = true;
  }

  void user(String name, String role, String area) {
    ApiClient.Response r =
        admin()
            .put(
                "/api/v1/users/" + name,
                "{\"displayName\":\"%s\",\"roles\":[\"%s\"],\"areaCodes\":[\"%s\"],\"password\":\"%s-password\"}"
                    .formatted(name, role, area, name));
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
  }

  ApiClient as(String name) {
    return new ApiClient(port, name, name + "-password");
  }

  static String contact(
      OffsetDateTime at, String channel, String category, String area, String phone) {
    return """
        {"receivedAt":"%s","channel":"%s","callerType":"NEIGHBOUR","category":"%s",
         "subcategory":%s,"areaCode":"%s","durationSeconds":300,"childSex":"FEMALE",
         "childAgeYears":9,"summary":"%s"%s}
        """
        .formatted(
            at,
            channel,
            category,
            category.equals("VIOLENCE") ? "\"PHYSICAL\"" : "null",
            area,
            SUMMARY,
            phone == null ? "" : ",\"callerPhone\":\"" + phone + "\"");
  }

  @Test
  void a_call_escalated_to_the_commune_is_on_its_worklist_at_once_with_the_12_hour_clock(
      CapturedOutput output) {
    ApiClient operator = as("operator.it");
    OffsetDateTime callAt = now.minusMinutes(20);
    ApiClient.Response taken =
        operator.post(
            "/api/v1/contacts", contact(callAt, "HOTLINE_111", "VIOLENCE", "06652", PHONE));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
    String contactId = taken.json().get("id").asText();

    ApiClient.Response escalated =
        operator.post(
            "/api/v1/contacts/" + contactId + "/escalation",
            """
            {"areaCode":"06652","suspectedForms":["VIOLENCE"],"seriousDanger":true,
             "description":"synthetic","child":{"fullName":"%s","ageYears":9,"sex":"FEMALE","ethnicity":"00","disability":false}}
            """
                .formatted(CHILD_NAME));
    assertThat(escalated.status()).as(escalated.toString()).isEqualTo(201);
    String caseId = escalated.json().get("caseId").asText();
    assertThat(
            operator
                .post(
                    "/api/v1/contacts/" + contactId + "/escalation",
                    """
                    {"areaCode":"06652","suspectedForms":["VIOLENCE"],"seriousDanger":true,
                     "description":"synthetic","child":{"fullName":"%s","ageYears":9,"sex":"FEMALE","ethnicity":"00","disability":false}}
                    """
                        .formatted(CHILD_NAME))
                .json()
                .get("caseId")
                .asText())
        .as("escalating again finds the same case")
        .isEqualTo(caseId);

    ApiClient worker = as("worker.06652");
    JsonNode mine =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> worker.get("/api/v1/cases?size=200").json().get("content"),
                list -> list.findValuesAsText("id").contains(caseId));
    JsonNode theCase = null;
    for (JsonNode c : mine) {
      if (c.get("id").asText().equals(caseId)) {
        theCase = c;
      }
    }
    assertThat(theCase.get("channel").asText()).isEqualTo("HOTLINE_111");
    assertThat(theCase.get("contactId").asText()).isEqualTo(contactId);
    assertThat(OffsetDateTime.parse(theCase.get("initialAssessmentDueAt").asText()))
        .isEqualTo(callAt.plusHours(12));
    assertThat(theCase.get("overdue").get("any").asBoolean()).isFalse();

    JsonNode contactView =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> operator.get("/api/v1/contacts/" + contactId).json(),
                c -> !c.get("caseId").isNull());
    assertThat(contactView.get("caseId").asText()).isEqualTo(caseId);
    assertThat(contactView.get("outcome").asText()).isEqualTo("ESCALATED");
    assertThat(worker.get("/api/v1/contacts").status())
        .as("workers see cases, not contacts")
        .isEqualTo(403);
    assertThat(worker.get("/api/v1/contacts/" + contactId).status()).isEqualTo(403);

    assertThat(output.getAll())
        .as("logs hold no phone number, name or free text")
        .doesNotContain("0912345678", "912 345 678", "912345678", CHILD_NAME, SUMMARY);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from domainevententry where convert_from(payload, 'UTF8') like ?",
                Long.class,
                "%912345678%"))
        .as("the phone number is stored nowhere in the events")
        .isZero();
  }

  @Test
  void a_repeat_caller_is_recognised_whatever_the_number_format_within_30_days() {
    ApiClient operator = as("operator.it");
    String phone = "+84 98 76" + (int) (Math.random() * 10000) + " 1";
    String local = "0" + phone.replaceAll("[^0-9]", "").substring(2);
    ApiClient.Response old =
        operator.post(
            "/api/v1/contacts", contact(now.minusDays(31), "PHONE", "INFORMATION", "06652", phone));
    assertThat(old.json().get("previousContacts30d").asLong()).isZero();
    ApiClient.Response first =
        operator.post(
            "/api/v1/contacts", contact(now.minusHours(2), "PHONE", "INFORMATION", "06652", phone));
    assertThat(first.json().get("previousContacts30d").asLong())
        .as("31 days ago does not count")
        .isZero();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                operator
                    .post(
                        "/api/v1/contacts",
                        contact(now.minusMinutes(1), "PHONE", "INFORMATION", "06652", local))
                    .json()
                    .get("previousContacts30d")
                    .asLong(),
            n -> n >= 1);
    ApiClient.Response anonymous =
        operator.post(
            "/api/v1/contacts",
            contact(now.minusMinutes(1), "PHONE", "INFORMATION", "06652", null));
    assertThat(anonymous.json().get("previousContacts30d").asLong()).isZero();
  }

  @Test
  void bad_contacts_are_422_and_only_operators_take_calls() {
    ApiClient operator = as("operator.it");
    ApiClient.Response bad =
        operator.post("/api/v1/contacts", contact(now, "PIGEON", "WEATHER", "06652", PHONE));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("errors").findValuesAsText("field")).contains("channel");
    assertThat(bad.raw().body()).doesNotContain("912");
    ApiClient.Response category =
        operator.post("/api/v1/contacts", contact(now, "PHONE", "WEATHER", "06652", null));
    assertThat(category.status()).isEqualTo(422);
    assertThat(category.json().get("errors").findValuesAsText("field")).containsExactly("category");
    assertThat(
            as("worker.06652")
                .post("/api/v1/contacts", contact(now, "PHONE", "INFORMATION", "06652", null))
                .status())
        .isEqualTo(403);
    JsonNode categories = operator.get("/api/v1/codes/contact-category").json();
    assertThat(categories.get(0).get("code").asText()).isEqualTo("VIOLENCE");
    assertThat(categories.get(0).get("subcategories").findValuesAsText("code"))
        .contains("PHYSICAL", "SEXUAL");
  }

  @Test
  void a_burst_of_1000_concurrent_contacts_loses_none() throws Exception {
    ApiClient operator = as("operator.it");
    Long before =
        jdbc.queryForObject(
            "select count(*) from domainevententry where payloadtype like '%.ContactReceivedEvent'",
            Long.class);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> answers =
          IntStream.range(0, 1000)
              .mapToObj(
                  i ->
                      pool.submit(
                          () ->
                              operator
                                  .post(
                                      "/api/v1/contacts",
                                      contact(
                                          now.minusMinutes(30),
                                          "HOTLINE_111",
                                          "FAMILY",
                                          "77001",
                                          null))
                                  .status()))
              .toList();
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from domainevententry where payloadtype like '%.ContactReceivedEvent'",
                Long.class))
        .isEqualTo(before + 1000);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.queryForObject(
                    "select count(*) from contact where area_code = '77001'", Long.class),
            n -> n == 1000);
    String day = now.minusMinutes(30).toLocalDate().toString();
    JsonNode stats =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    admin()
                        .get("/api/v1/statistics/contacts?area=77001&from=" + day + "&to=" + day)
                        .json(),
                s -> s.get("total").asLong() == 1000);
    assertThat(stats.get("total").asLong()).isEqualTo(1000);
  }

  @Test
  void contact_statistics_by_channel_category_and_month_as_of_any_instant_not_suppressed() {
    ApiClient operator = as("operator.it");
    OffsetDateTime at = now.minusHours(3);
    String[] ids = new String[4];
    for (int i = 0; i < 3; i++) {
      ids[i] =
          operator
              .post("/api/v1/contacts", contact(at, "HOTLINE_111", "VIOLENCE", "77002", null))
              .json()
              .get("id")
              .asText();
    }
    ids[3] =
        operator
            .post("/api/v1/contacts", contact(at, "PHONE", "INFORMATION", "77002", null))
            .json()
            .get("id")
            .asText();
    String day = at.toLocalDate().toString();
    String query = "?area=77002&from=" + day + "&to=" + day;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin().get("/api/v1/statistics/contacts" + query).json().get("total").asLong()
                    == 4);
    // Read the database clock so that "as of" falls between the contacts and the escalation.
    OffsetDateTime beforeEscalation =
        jdbc.queryForObject("select now()", OffsetDateTime.class).plusNanos(1000);
    await().pollDelay(Duration.ofMillis(20)).until(() -> true);
    ApiClient.Response escalated =
        operator.post(
            "/api/v1/contacts/" + ids[0] + "/escalation",
            "{\"areaCode\":\"77002\",\"suspectedForms\":[\"VIOLENCE\"],\"seriousDanger\":false,"
                + "\"description\":\"synthetic\",\"child\":{\"fullName\":\"Synthetic\","
                + "\"ageYears\":7,\"sex\":\"MALE\",\"ethnicity\":\"00\",\"disability\":false}}");
    assertThat(escalated.status()).as(escalated.toString()).isEqualTo(201);

    JsonNode byChannel =
        admin().get("/api/v1/statistics/contacts" + query + "&by=channel,category,month").json();
    assertThat(byChannel.get("total").asLong()).isEqualTo(4);
    assertThat(byChannel.get("rows")).hasSize(2);
    JsonNode first = byChannel.get("rows").get(0);
    assertThat(first.get("channel").asText()).isEqualTo("HOTLINE_111");
    assertThat(first.get("category").asText()).isEqualTo("VIOLENCE");
    assertThat(first.get("month").asText()).isEqualTo(day.substring(0, 7));
    assertThat(first.get("value").asLong()).isEqualTo(3);

    JsonNode escalatedNow =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> admin().get("/api/v1/statistics/contacts-escalated" + query).json(),
                s -> s.get("total").asLong() == 1);
    assertThat(escalatedNow.get("total").asLong()).isEqualTo(1);
    String asOf =
        java.net.URLEncoder.encode(
            beforeEscalation.toString(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(
            admin()
                .get("/api/v1/statistics/contacts-escalated" + query + "&asOf=" + asOf)
                .json()
                .get("total")
                .asLong())
        .as("as of before the escalation, it is not counted")
        .isZero();
    assertThat(
            admin()
                .get("/api/v1/statistics/contacts" + query + "&asOf=" + asOf)
                .json()
                .get("total")
                .asLong())
        .isEqualTo(4);

    // STATISTICS.md (revision 2): contacts are calls, not identified children: not suppressed.
    JsonNode shown =
        as("statistician.77002").get("/api/v1/statistics/contacts" + query + "&by=channel").json();
    assertThat(shown.get("total").asLong())
        .as("the statistician's period is the whole month of that day")
        .isGreaterThanOrEqualTo(4);
    assertThat(shown.has("totalSuppressed")).isFalse();
    assertThat(shown.get("rows").findValues("value")).noneMatch(JsonNode::isNull);
    assertThat(as("statistician.77002").get("/api/v1/statistics/contacts?area=77001").status())
        .as("outside the statistician's areas")
        .isEqualTo(403);
    assertThat(admin().get("/api/v1/statistics/no-such-measure").status()).isEqualTo(404);
    assertThat(admin().get("/api/v1/statistics/contacts?by=colour").status()).isEqualTo(422);
    assertThat(as("worker.06652").get("/api/v1/statistics/contacts").status()).isEqualTo(403);
  }
}
