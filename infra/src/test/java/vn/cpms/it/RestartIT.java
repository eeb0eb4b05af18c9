package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application as a user runs it, in its own process: a case reported before a {@code kill -9}
 * or a SIGTERM is still there after the restart, stored exactly once.
 */
class RestartIT {
  static final String PASSWORD = "restart-it-secret";

  final Path dataDir = Path.of("target", "restart-it", UUID.randomUUID().toString());
  final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopEverything() throws Exception {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroy();
        p.waitFor(60, TimeUnit.SECONDS);
      }
    }
    stopPostgresIfLeft();
  }

  @Test
  void a_reported_case_survives_kill_9_and_sigterm_and_is_stored_exactly_once() throws Exception {
    int port = freePort();
    Process first = start(port, "first");
    ApiClient api = new ApiClient(port, "admin", PASSWORD);
    ApplicationIT.defineCommunes(api, "06652");
    ApiClient.Response created = api.post("/api/v1/cases", CaseApiIT.caseBody(null, "PHONE", ""));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();

    first.destroyForcibly(); // SIGKILL: no shutdown hook, PostgreSQL is left running
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Process second = start(port, "after-kill-9");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/v1/cases/" + id).status() == 200);
    assertThat(eventsOf(id, "%.CaseReportedEvent")).isEqualTo(1);

    second.destroy(); // SIGTERM: graceful shutdown
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.exists(dataDir.resolve("postmaster.pid")))
        .as("PostgreSQL stopped with the application")
        .isFalse();

    start(port, "after-sigterm");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/v1/cases/" + id).status() == 200);
    assertThat(api.get("/api/v1/cases?size=200").json().get("content").findValuesAsText("id"))
        .containsOnlyOnce(id);
    assertThat(eventsOf(id, "%.CaseReportedEvent")).isEqualTo(1);
  }

  @Test
  void a_legal_deadline_survives_a_kill_9_and_fires_after_the_restart() throws Exception {
    int port = freePort();
    String[] shortClock = {
      "--cpms.cases.serious-danger-limit=PT20S", "--db-scheduler.polling-interval=1s"
    };
    start(port, "deadline-first", shortClock);
    ApiClient api = new ApiClient(port, "admin", PASSWORD);
    ApplicationIT.defineCommunes(api, "06652");
    String now =
        java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).withNano(0).toString();
    ApiClient.Response created =
        api.post(
            "/api/v1/cases",
            CaseApiIT.caseBody(null, "HOTLINE_111", "").replace(CaseApiIT.RECENT, now));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    started.get(0).destroyForcibly(); // the deadline is 20 s away and only in the database now
    assertThat(started.get(0).waitFor(30, TimeUnit.SECONDS)).isTrue();

    start(port, "deadline-after-kill-9", shortClock);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                api.get("/api/v1/cases/" + id + "/timeline")
                    .json()
                    .path("entries")
                    .findValuesAsText("type")
                    .contains("InitialAssessmentDeadlineMissed"));
    assertThat(
            api.get("/api/v1/cases/" + id)
                .json()
                .get("overdue")
                .get("initialAssessment")
                .asBoolean())
        .isTrue();
    assertThat(eventsOf(id)).isEqualTo(2);
  }

  private Process start(int port, String name, String... extraArgs) throws IOException {
    Files.createDirectories(dataDir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "vn.cpms.CpmsApplication",
            "--server.port=" + port,
            "--cpms.embedded-postgres.data-dir=" + dataDir.toAbsolutePath(),
            "--cpms.security.admin-password=" + PASSWORD,
            "--cpms.hotline.caller-key-secret=restart-it-caller-key-secret",
            "--cpms.privacy.master-key=restart-it-privacy-master-key");
    builder.command().addAll(List.of(extraArgs));
    builder.redirectErrorStream(true);
    builder.redirectOutput(
        dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log").toFile());
    Process process = builder.start();
    started.add(process);
    ApiClient probe = new ApiClient(port, null, null);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              assertThat(process.isAlive()).as("application process " + name).isTrue();
              return probe.get("/actuator/health").status() == 200;
            });
    return process;
  }

  /** Reads the event table directly, on the port PostgreSQL wrote into its pid file. */
  private long eventsOf(String aggregateId) throws IOException, SQLException {
    return eventsOf(aggregateId, "%");
  }

  private long eventsOf(String aggregateId, String payloadType) throws IOException, SQLException {
    try (Connection c = DriverManager.getConnection(AppProcess.jdbcUrl(dataDir));
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from domainevententry where aggregateidentifier = ?"
                    + " and payloadtype like ?")) {
      s.setString(1, aggregateId);
      s.setString(2, payloadType);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void stopPostgresIfLeft() throws IOException {
    File pidFile = dataDir.resolve("postmaster.pid").toFile();
    if (pidFile.exists()) {
      long pid = Long.parseLong(Files.readAllLines(pidFile.toPath()).get(0).trim());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
