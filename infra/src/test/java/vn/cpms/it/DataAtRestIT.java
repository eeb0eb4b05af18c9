package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 17: what someone with a shell on the server finds in the database. */
class DataAtRestIT extends ApplicationIT {
  @Autowired EmbeddedPostgres postgres;

  /** Words of the synthetic child's data that no code, id or ciphertext contains. */
  static final List<String> MARKERS =
      List.of(
          "quokkavian",
          "zephyrine",
          "xommarker",
          "guardmarker",
          "0987123456",
          "descmarker",
          "summarker",
          "0911222333",
          "kindmarker",
          "notemarker",
          "incimarker",
          "reasonmarker");

  /** {@code text} then Vietnamese letters up to {@code length}: the longest value accepted. */
  static String longest(String text, int length) {
    StringBuilder b = new StringBuilder(text).append(' ');
    while (b.length() < length) {
      b.append(b.length() % 7 == 0 ? ' ' : 'ễ');
    }
    b.setLength(length);
    if (b.charAt(length - 1) == ' ') {
      b.setCharAt(length - 1, 'ữ');
    }
    return b.toString();
  }

  @Test
  void a_dump_of_every_table_reveals_no_name_address_phone_or_free_text_even_after_erasure() {
    ApiClient admin = admin();
    String now = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(1).withNano(0).toString();
    ApiClient.Response contact =
        admin.post(
            "/api/v1/contacts",
            """
            {"receivedAt":"%s","channel":"HOTLINE_111","callerType":"NEIGHBOUR",
             "category":"VIOLENCE","areaCode":"06652","summary":"%s","callerPhone":"0911222333"}
            """
                .formatted(now, longest("Summarker gọi về", 10_000)));
    assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
    String contactId = contact.json().get("id").asText();
    // every member at the longest length the API accepts: stored, projected, nothing parked
    ApiClient.Response escalated =
        admin.post(
            "/api/v1/contacts/" + contactId + "/escalation",
            """
            {"areaCode":"06652","suspectedForms":["VIOLENCE"],"seriousDanger":false,
             "description":"%s",
             "child":{"fullName":"%s","birthDate":"2013-02-03","sex":"FEMALE","ethnicity":"01",
                      "disability":false,"areaCode":"06652","address":"%s",
                      "guardian":{"fullName":"%s","relation":"%s","phone":"0987123456"}}}
            """
                .formatted(
                    longest("Descmarker trẻ bị đánh", 10_000),
                    longest("Quokkavián Zéphyrine", 200),
                    longest("Xommarker thôn Đông", 500),
                    longest("Guardmarker Nguyễn", 200),
                    longest("Bà ngoại", 50)));
    assertThat(escalated.status()).as(escalated.toString()).isIn(200, 201);
    String childId = escalated.json().get("childId").asText();
    String caseId = escalated.json().get("caseId").asText();
    String base = "/api/v1/children/" + childId;
    assertThat(
            admin
                .post(
                    base + "/support",
                    """
                    {"kind":"%s","providedOn":"2025-03-01","amountVnd":100000,"note":"%s"}
                    """
                        .formatted(
                            longest("Kindmarker gạo", 100), longest("Notemarker ở nhà bà", 10_000)))
                .status())
        .isIn(200, 201);
    assertThat(
            admin
                .post(
                    base + "/incidents",
                    """
                    {"type":"INJURY","occurredOn":"2025-03-02","areaCode":"06652",
                     "injuryCause":"FALL","note":"%s"}
                    """
                        .formatted(longest("Incimarker ngã ở sông", 10_000)))
                .status())
        .isIn(200, 201);
    assertThat(
            admin
                .post(
                    base + "/special-circumstances",
                    "{\"group\":\"SC01\",\"identifiedOn\":\"2025-01-10\"}")
                .status())
        .isIn(200, 201);
    assertThat(
            admin
                .post(
                    base + "/special-circumstances/SC01/end",
                    "{\"endedOn\":\"2025-06-01\",\"reason\":\"%s\"}"
                        .formatted(longest("Reasonmarker về với mẹ", 500)))
                .status())
        .isIn(200, 201, 204);

    JsonNode child =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> admin.get(base),
                r ->
                    r.status() == 200
                        && r.json().get("incidents").size() == 1
                        && r.json().get("specialCircumstances").path(0).hasNonNull("endReason"))
            .json();
    assertThat(child.get("fullName").asText()).isEqualTo(longest("Quokkavián Zéphyrine", 200));
    assertThat(child.get("guardian").get("relation").asText()).isEqualTo(longest("Bà ngoại", 50));
    assertThat(child.get("support").get(0).get("note").asText())
        .isEqualTo(longest("Notemarker ở nhà bà", 10_000));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> admin.get("/api/v1/cases/" + caseId).status() == 200);
    assertThat(admin.get("/api/v1/cases/" + caseId).json().get("description").asText())
        .isEqualTo(longest("Descmarker trẻ bị đánh", 10_000));
    assertThat(admin.get("/api/v1/contacts/" + contactId).json().get("summary").asText())
        .startsWith("Summarker");
    assertThat(deadLetters()).isZero();

    // found by whole words of its name, accents and case ignored, and by its birth date
    assertThat(search("quokkavian ZEPHYRINE")).contains(childId);
    assertThat(search("2013-02-03")).contains(childId);
    assertThat(search("quokka")).doesNotContain(childId);

    assertThat(dumpFindings()).isEmpty();

    // erasure: the copies left in the tables (as in dead rows, the WAL and backups) stay sealed
    String sealedDescription =
        jdbc.queryForObject(
            "select description from worklist_case where case_id = ?::uuid", String.class, caseId);
    String sealedName =
        jdbc.queryForObject(
            "select full_name from child_view where child_id = ?::uuid", String.class, childId);
    assertThat(personal.open(sealedDescription)).startsWith("Descmarker");
    ApiClient.Response erased =
        admin.post(base + "/erasure", "{\"reason\":\"Synthetic erasure request 17\"}");
    assertThat(erased.status()).as(erased.toString()).isIn(200, 202, 204);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> admin.get(base).json().get("erased").asBoolean());
    assertThat(personal.open(sealedDescription)).isNull();
    assertThat(personal.open(sealedName)).isNull();
    rebuild("children", "worklist", "hotline");
    JsonNode after = admin.get(base).json();
    assertThat(after.get("erased").asBoolean()).isTrue();
    assertThat(after.get("fullName").isNull()).isTrue();
    assertThat(admin.get("/api/v1/cases/" + caseId).json().get("description").isNull()).isTrue();
    assertThat(search("quokkavian")).doesNotContain(childId);
    assertThat(dumpFindings()).isEmpty();
    assertThat(deadLetters()).isZero();

    // an erased child takes nothing new that would name it: a case, an escalation, support
    ApiClient.Response newCase =
        admin.post(
            "/api/v1/cases",
            """
            {"reportedAt":"%s","channel":"PHONE","areaCode":"06652","child":{"id":"%s"},
             "suspectedForms":["NEGLECT"],"seriousDanger":false,"description":"after erasure"}
            """
                .formatted(now, childId));
    assertThat(newCase.status()).as(newCase.toString()).isEqualTo(409);
    assertThat(newCase.json().toString()).contains("child.erased");
    String call =
        admin
            .post(
                "/api/v1/contacts",
                """
                {"receivedAt":"%s","channel":"HOTLINE_111","callerType":"NEIGHBOUR",
                 "category":"VIOLENCE","areaCode":"06652"}
                """
                    .formatted(now))
            .json()
            .get("id")
            .asText();
    ApiClient.Response escalation =
        admin.post(
            "/api/v1/contacts/" + call + "/escalation",
            """
            {"areaCode":"06652","suspectedForms":["VIOLENCE"],"seriousDanger":false,
             "description":"after erasure","child":{"id":"%s"}}
            """
                .formatted(childId));
    assertThat(escalation.status()).as(escalation.toString()).isEqualTo(409);
    assertThat(
            admin
                .post(base + "/support", "{\"kind\":\"Gạo\",\"providedOn\":\"2025-03-05\"}")
                .status())
        .isEqualTo(409);
  }

  @Test
  void a_contacts_summary_can_be_erased_by_an_admin_with_a_reason_and_stays_unreadable() {
    ApiClient admin = admin();
    String now = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(1).withNano(0).toString();
    ApiClient.Response contact =
        admin.post(
            "/api/v1/contacts",
            """
            {"receivedAt":"%s","channel":"HOTLINE_111","callerType":"CHILD",
             "category":"VIOLENCE","areaCode":"06652","summary":"Erasable summary của cuộc gọi"}
            """
                .formatted(now));
    assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
    String id = contact.json().get("id").asText();
    String path = "/api/v1/contacts/" + id;
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> admin.get(path), r -> r.status() == 200 && r.json().hasNonNull("summary"));
    String sealed =
        jdbc.queryForObject(
            "select summary from contact where contact_id = ?::uuid", String.class, id);

    assertThat(admin.post(path + "/erasure", "{}").status()).isEqualTo(422); // a reason is needed
    assertThat(
            new ApiClient(port, "operator.erasure", "operator-password-17")
                .post(path + "/erasure", "{\"reason\":\"x\"}")
                .status())
        .isIn(401, 403);
    ApiClient.Response erased =
        admin.post(path + "/erasure", "{\"reason\":\"Caller's request, file 17/2026\"}");
    assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> admin.get(path).json().get("summary").isNull());
    assertThat(admin.get(path).json().get("category").asText()).isEqualTo("VIOLENCE");
    assertThat(personal.open(sealed)).isNull();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where detail like '%file 17/2026%'", Long.class))
        .isEqualTo(1);
    // erasing again changes nothing
    assertThat(admin.post(path + "/erasure", "{\"reason\":\"again\"}").status()).isEqualTo(204);
  }

  @Autowired vn.cpms.infra.privacy.StoredEventSealing sealing;

  @Test
  void a_personal_field_stored_in_clear_before_its_encryption_is_sealed_in_place() {
    ApiClient admin = admin();
    UUID id = UUID.randomUUID();
    assertThat(admin.post("/api/v1/children", ChildApiIT.child(id, "Niêm Phong")).status())
        .isEqualTo(201);
    String base = "/api/v1/children/" + id;
    assertThat(
            admin
                .post(base + "/support", "{\"kind\":\"Gạo\",\"providedOn\":\"2025-03-01\"}")
                .status())
        .isIn(200, 201);
    // as an event stored before the support's kind was encrypted holds it
    jdbc.update(
        "update domainevententry set payload = convert_to(jsonb_set(convert_from(payload,"
            + " 'UTF8')::jsonb, '{kind}', '\"Clearkindmarker ở chùa\"')::text, 'UTF8')"
            + " where aggregateidentifier = ? and payloadtype like '%SupportRecordedEvent'",
        id.toString());
    assertThat(payloadsOf(id)).contains("Clearkindmarker");
    jdbc.update(
        "update privacy_sealing set upto = (select max(globalindex) from domainevententry),"
            + " done = (select max(globalindex) - 600 from domainevententry)");

    assertThat(sealing.run()).isPositive();

    assertThat(payloadsOf(id)).doesNotContain("Clearkindmarker");
    rebuild("children");
    assertThat(admin.get(base).json().get("support").get(0).get("kind").asText())
        .isEqualTo("Clearkindmarker ở chùa");
    assertThat(sealing.run()).isZero();
  }

  private String payloadsOf(UUID aggregate) {
    return String.join(
        "\n",
        jdbc.query(
            "select payload from domainevententry where aggregateidentifier = ?",
            (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8),
            aggregate.toString()));
  }

  private List<String> search(String text) {
    ApiClient.Response r =
        admin().post("/api/v1/children/search", "{\"query\":\"%s\"}".formatted(text));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().findValuesAsText("childId");
  }

  private long deadLetters() {
    return jdbc.queryForObject("select count(*) from deadletterentry", Long.class);
  }

  /**
   * Reads every row of every table as a dump would (bytea as UTF-8: the events' JSON) and returns
   * where a marker shows, accents and case ignored.
   */
  private List<String> dumpFindings() {
    List<String> findings = new ArrayList<>();
    List<String> tables =
        jdbc.queryForList(
            "select tablename from pg_tables where schemaname = 'public'", String.class);
    for (String table : tables) {
      jdbc.query(
          "select * from " + table,
          (ResultSet rs) -> {
            ResultSetMetaData meta = rs.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
              String value =
                  meta.getColumnType(c) == Types.BINARY ? bytes(rs.getBytes(c)) : rs.getString(c);
              if (value == null) {
                continue;
              }
              String plain = plain(value);
              for (String marker : MARKERS) {
                if (plain.contains(marker)) {
                  findings.add(table + "." + meta.getColumnName(c) + " holds " + marker);
                }
              }
            }
          });
    }
    return findings;
  }

  private static String bytes(byte[] value) {
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  private static String plain(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  @org.junit.jupiter.api.BeforeEach
  void defineOperator() {
    defineUser("operator.erasure", "operator-password-17", "HOTLINE_OPERATOR", "06");
  }

  @Test
  void the_embedded_database_requires_the_password_kept_for_its_owner_only() throws Exception {
    Path file = Path.of("target/it-postgres").toAbsolutePath().resolve("cpms-database-password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";

    assertThatThrownBy(() -> connect(url, null)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> connect(url, "postgres")).isInstanceOf(SQLException.class);
    try (Connection connection = connect(url, Files.readString(file).strip())) {
      assertThat(connection.isValid(5)).isTrue();
    }
  }

  private static Connection connect(String url, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(url, properties);
  }
}
