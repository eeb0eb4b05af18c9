package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults, with the application in its own process: a {@code kill -9} in the middle of a concurrent
 * load loses no acknowledged command and leaves no command half-written; the database restarted
 * under the running application is used again without a human; an event that a projection cannot
 * handle is parked in that projection's dead-letter queue while the rest go on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIT {
  final Path root = Path.of("target", "fault-it", UUID.randomUUID().toString()).toAbsolutePath();
  final AppProcess apps = new AppProcess(root);
  final Path killDataDir = root.resolve("kill-postgres");

  /** The external database of the database tests, started and stopped by the test. */
  final Path externalDataDir = root.resolve("external-postgres");

  EmbeddedPostgres external;
  int externalPort;
  ApiClient externalApi;

  @BeforeAll
  void startApplicationOnAnExternalDatabase() throws Exception {
    externalPort = AppProcess.freePort();
    external = startExternal();
    int port = AppProcess.freePort();
    apps.start(
        port,
        "external-db",
        "--spring.datasource.url=jdbc:postgresql://localhost:" + externalPort + "/postgres",
        "--spring.datasource.username=postgres",
        // While the database is away, answer with an error within seconds instead of waiting.
        "--spring.datasource.hikari.connection-timeout=2000");
    externalApi = new ApiClient(port, "admin", AppProcess.PASSWORD);
  }

  EmbeddedPostgres startExternal() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(externalDataDir)
        .setCleanDataDirectory(false)
        .setPort(externalPort)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("timezone", "UTC")
        .start();
  }

  @AfterAll
  void stopEverything() throws Exception {
    apps.stopAll();
    if (external != null) {
      external.close();
    }
    AppProcess.stopPostgresIfLeft(killDataDir);
  }

  static String report(UUID id, String area) {
    return CaseApiIT.caseBody(id, "PHONE", "").replace("\"06652\"", "\"" + area + "\"");
  }

  @Test
  @Order(1)
  void kill_9_during_a_concurrent_load_loses_no_acknowledged_command_and_leaves_none_half_written()
      throws Exception {
    int port = AppProcess.freePort();
    String[] args = {"--cpms.embedded-postgres.data-dir=" + killDataDir};
    Process first = apps.start(port, "load-first", args);
    ApiClient api = new ApiClient(port, "admin", AppProcess.PASSWORD);
    String area = "94001";
    ApplicationIT.defineCommunes(api, area);

    Map<UUID, Integer> outcomes = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(6);
    for (int t = 0; t < 6; t++) {
      clients.submit(
          () -> {
            while (!stop.get()) {
              UUID id = UUID.randomUUID();
              outcomes.put(id, 0); // sent, no answer yet
              try {
                outcomes.put(id, api.post("/api/v1/cases", report(id, area)).status());
              } catch (RuntimeException e) {
                outcomes.put(id, -1); // connection lost
              }
            }
          });
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> outcomes.values().stream().filter(s -> s == 201).count() >= 80);
    AppProcess.kill9(first);
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    apps.start(port, "load-after-kill-9", args);
    List<UUID> acknowledged = new ArrayList<>();
    List<UUID> failed = new ArrayList<>();
    outcomes.forEach((id, status) -> (status == 201 ? acknowledged : failed).add(id));
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(80);

    Map<String, List<String>> stored = eventTypesByAggregate(AppProcess.jdbcUrl(killDataDir));
    List<UUID> present = new ArrayList<>();
    for (UUID id : acknowledged) {
      assertThat(stored.get(id.toString()))
          .as("acknowledged case %s is stored exactly once", id)
          .containsExactly("CaseReportedEvent");
      present.add(id);
    }
    for (UUID id : failed) {
      List<String> events = stored.getOrDefault(id.toString(), List.of());
      assertThat(events)
          .as("failed case %s: all or nothing", id)
          .isIn(List.of(), List.of("CaseReportedEvent"));
      if (!events.isEmpty()) {
        present.add(id); // committed, but the answer was lost with the process
      }
    }
    long reported = stored.values().stream().filter(l -> l.contains("CaseReportedEvent")).count();
    long children =
        stored.values().stream().filter(l -> l.contains("ChildRegisteredEvent")).count();
    assertThat(reported).isEqualTo(present.size());
    assertThat(children)
        .as("every case registered its child in the same transaction, no orphan child")
        .isEqualTo(reported);
    // every stored report has its audit row, written in the same transaction (issue 21)
    Map<String, Long> audited = new HashMap<>();
    try (Connection c = DriverManager.getConnection(AppProcess.jdbcUrl(killDataDir));
        PreparedStatement q =
            c.prepareStatement(
                "select resource_id, count(*) from audit_entry where method = 'POST'"
                    + " and path = '/api/v1/cases' group by resource_id");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        audited.put(rs.getString(1), rs.getLong(2));
      }
    }
    for (UUID id : present) {
      assertThat(audited.get(id.toString())).as("case %s has its audit row", id).isEqualTo(1L);
    }

    for (UUID id : present) {
      ApiClient.Response view =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> api.get("/api/v1/cases/" + id), r -> r.status() == 200);
      String childId = view.json().get("child").get("id").asText();
      await() // the children's projection follows on its own
          .atMost(Duration.ofSeconds(60))
          .until(() -> api.get("/api/v1/children/" + childId).status() == 200);
    }
    for (UUID id : failed) {
      if (!present.contains(id)) {
        assertThat(api.get("/api/v1/cases/" + id).status()).isEqualTo(404);
      }
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.get(
                        "/api/v1/statistics/cases-reported?area="
                            + area
                            + "&from=2020-01-01&to=2030-12-31")
                    .json()
                    .get("total")
                    .asLong(),
            n -> n == present.size());
    assertNoProjectionInError(api);
  }

  static void assertNoProjectionInError(ApiClient api) {
    for (var projection : api.get("/api/v1/admin/projections").json()) {
      assertThat(projection.get("error").asBoolean()).as(projection.toString()).isFalse();
      assertThat(projection.get("deadLetterSequences").asLong()).as(projection.toString()).isZero();
    }
  }

  /** Short type names of the events of each aggregate, in order. */
  static Map<String, List<String>> eventTypesByAggregate(String url) throws SQLException {
    Map<String, List<String>> all = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s =
            c.prepareStatement(
                "select aggregateidentifier, payloadtype from domainevententry"
                    + " order by globalindex");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String type = rs.getString(2);
        all.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(type.substring(type.lastIndexOf('.') + 1));
      }
    }
    return all;
  }

  @Test
  @Order(2)
  void the_database_restarted_under_the_application_is_used_again_without_a_human()
      throws Exception {
    ApiClient api = externalApi;
    ApplicationIT.defineCommunes(api, "94002", "94003");
    UUID before = UUID.randomUUID();
    assertThat(api.post("/api/v1/cases", report(before, "94002")).status()).isEqualTo(201);

    external.close(); // PostgreSQL stops: every connection of the pool breaks
    UUID during = UUID.randomUUID();
    int status;
    try {
      status = api.post("/api/v1/cases", report(during, "94002")).status();
    } catch (RuntimeException e) {
      status = -1;
    }
    assertThat(status).as("no database, no acknowledgement").isNotIn(200, 201);

    external = startExternal(); // same data directory, same port
    UUID after = UUID.randomUUID();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> api.post("/api/v1/cases", report(after, "94002")).status() == 201);
    for (UUID id : List.of(before, after)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> api.get("/api/v1/cases/" + id).status() == 200);
    }
    assertThat(api.get("/api/v1/cases/" + during).status()).isEqualTo(404);
    assertThat(eventTypesByAggregate(externalUrl())).doesNotContainKey(during.toString());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.get(
                        "/api/v1/statistics/cases-reported?area=94002&from=2020-01-01&to=2030-12-31")
                    .json()
                    .get("total")
                    .asLong(),
            n -> n == 2);
    assertNoProjectionInError(api);
  }

  String externalUrl() {
    return "jdbc:postgresql://localhost:" + externalPort + "/postgres?user=postgres";
  }

  @Test
  @Order(3)
  void a_poison_event_goes_to_the_worklists_dead_letter_queue_and_the_rest_go_on()
      throws Exception {
    ApiClient api = externalApi;
    UUID poisoned = UUID.randomUUID();
    assertThat(api.post("/api/v1/cases", report(poisoned, "94003")).status()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/v1/cases/" + poisoned).status() == 200);

    // Written by some other writer: a valid event whose worker name does not fit the worklist's
    // column (the API allows 100 characters), so the worklist cannot store it.
    String payload;
    try (InputStream in = getClass().getResourceAsStream("/events/CaseAssignedEvent.1.json")) {
      payload =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("6f1c2d3e-0000-4000-8000-000000000001", poisoned.toString())
              .replace("worker.a", "w".repeat(150));
    }
    try (Connection c = DriverManager.getConnection(externalUrl());
        PreparedStatement s =
            c.prepareStatement(
                "insert into domainevententry (aggregateidentifier, sequencenumber, type,"
                    + " eventidentifier, metadata, payload, payloadrevision, payloadtype,"
                    + " timestamp) values (?, 1, 'ChildCase', ?, ?, ?, '1',"
                    + " 'vn.cpms.kernel.cases.CaseAssignedEvent', ?)")) {
      s.setString(1, poisoned.toString());
      s.setString(2, UUID.randomUUID().toString());
      s.setBytes(3, "{\"username\":\"other.writer\"}".getBytes(StandardCharsets.UTF_8));
      s.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
      s.setString(5, Instant.now().toString());
      s.executeUpdate();
    }
    // A later step of the same case queues behind it; other cases go on.
    assertThat(
            api.put(
                    "/api/v1/users/worker.b",
                    "{\"displayName\":\"Synthetic\",\"roles\":[\"CASE_WORKER\"],"
                        + "\"areaCodes\":[\"94\"],\"password\":\"worker-b-password\"}")
                .status())
        .isIn(200, 201);
    assertThat(
            api.post(
                    "/api/v1/cases/" + poisoned + "/assignment",
                    "{\"workerUsername\":\"worker.b\"}")
                .status())
        .isEqualTo(200);
    UUID other = UUID.randomUUID();
    assertThat(api.post("/api/v1/cases", report(other, "94003")).status()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/v1/cases/" + other).status() == 200);
    await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters("worklist", poisoned) == 2);
    assertThat(api.get("/api/v1/cases/" + poisoned).json().get("version").asLong())
        .as("the worklist still shows the case as before the poison event")
        .isZero();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> api.get("/api/v1/cases/" + poisoned + "/timeline").json().get("entries").size(),
            n -> n == 3);
    for (var projection : api.get("/api/v1/admin/projections").json()) {
      assertThat(projection.get("deadLetterSequences").asLong())
          .as(projection.get("name").asText())
          .isEqualTo(projection.get("name").asText().equals("worklist") ? 1 : 0);
      assertThat(projection.get("error").asBoolean()).isFalse();
    }
  }

  long deadLetters(String group, UUID aggregate) throws SQLException {
    try (Connection c = DriverManager.getConnection(externalUrl());
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from deadletterentry where processinggroup = ?"
                    + " and aggregateidentifier = ?")) {
      s.setString(1, group);
      s.setString(2, aggregate.toString());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
