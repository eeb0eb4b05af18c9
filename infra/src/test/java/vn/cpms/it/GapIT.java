package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 18: an event whose transaction commits late leaves a gap in the global index that the
 * processors must wait for, never skip. The application runs with its read window scaled down (10
 * events per read); a transaction holds a gap while 40 events commit after it, then commits: its
 * event is projected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapIT {
  final Path root = Path.of("target", "gap-it", UUID.randomUUID().toString()).toAbsolutePath();
  final AppProcess apps = new AppProcess(root);
  final Path dataDir = root.resolve("postgres");
  ApiClient api;

  @BeforeAll
  void start() throws Exception {
    int port = AppProcess.freePort();
    apps.start(
        port,
        "gap",
        "--cpms.embedded-postgres.data-dir=" + dataDir,
        "--cpms.events.read-batch-size=10",
        "--cpms.embedded-postgres.transaction-timeout=PT8S",
        "--cpms.events.gather=PT0S");
    api = new ApiClient(port, "admin", AppProcess.PASSWORD);
  }

  @AfterAll
  void stop() throws Exception {
    apps.stopAll();
  }

  @Test
  void a_transaction_is_ended_by_the_database_before_the_gap_timeout() throws Exception {
    try (Connection held = DriverManager.getConnection(AppProcess.jdbcUrl(dataDir))) {
      held.setAutoCommit(false);
      try (ResultSet rs = held.createStatement().executeQuery("show transaction_timeout")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("8s");
      }
      long started = System.nanoTime();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> held.createStatement().execute("select pg_sleep(20)"))
          .isInstanceOf(java.sql.SQLException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }
  }

  @Test
  void an_event_committed_after_forty_later_ones_is_still_projected() throws Exception {
    ApplicationIT.defineCommunes(api, "96001");
    try (Connection held = DriverManager.getConnection(AppProcess.jdbcUrl(dataDir))) {
      held.setAutoCommit(false);
      // a copy of a stored area definition, for an area of its own: a valid event
      try (PreparedStatement insert =
          held.prepareStatement(
              "insert into domainevententry (aggregateidentifier, sequencenumber, type,"
                  + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                  + " select '96999', 0, type, ?, metadata,"
                  + " convert_to(replace(replace(convert_from(payload, 'UTF8'), aggregateidentifier,"
                  + " '96999'), 'Synthetic', 'Gap'), 'UTF8'), payloadrevision, payloadtype,"
                  + " timestamp from domainevententry where aggregateidentifier = '96001'"
                  + " and payloadtype like '%AreaDefinedEvent' limit 1")) {
        insert.setString(1, UUID.randomUUID().toString());
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      // forty events commit after the gap, and are projected
      List<String> later = new ArrayList<>();
      for (int i = 10; i < 50; i++) {
        String code = "960" + i;
        later.add(code);
        assertThat(
                api.put(
                        "/api/v1/areas/" + code,
                        "{\"name\":\"Later %s\",\"level\":\"COMMUNE\",\"parentCode\":\"96\"}"
                            .formatted(code))
                    .status())
            .isEqualTo(204);
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> api.get("/api/v1/areas").json().findValuesAsText("code").containsAll(later));
      assertThat(api.get("/api/v1/areas").json().findValuesAsText("code")).doesNotContain("96999");
      held.commit();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/v1/areas").json().findValuesAsText("code").contains("96999"));
    try (Connection c = DriverManager.getConnection(AppProcess.jdbcUrl(dataDir));
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from deadletterentry where processinggroup = 'areas'")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }
}
