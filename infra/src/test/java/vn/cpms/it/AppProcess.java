package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a process of its own, started the way {@link RestartIT} starts it (same class
 * path, own data directory), for the tests that kill it or pull its database away.
 */
final class AppProcess {
  static final String PASSWORD = "fault-it-secret";

  private final Path logDir;
  private final List<Process> started = new ArrayList<>();

  AppProcess(Path logDir) {
    this.logDir = logDir;
  }

  /** Starts the application and waits until it answers its health check. */
  Process start(int port, String name, String... args) throws IOException {
    Files.createDirectories(logDir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "vn.cpms.CpmsApplication",
            "--server.port=" + port,
            "--cpms.security.admin-password=" + PASSWORD,
            "--cpms.hotline.caller-key-secret=fault-it-caller-key-secret",
            "--cpms.privacy.master-key=fault-it-privacy-master-key");
    builder.command().addAll(List.of(args));
    builder.redirectErrorStream(true);
    builder.redirectOutput(logDir.resolve(name + ".log").toFile());
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

  /** SIGKILL: no shutdown hook runs, an embedded PostgreSQL is left running. */
  static void kill9(Process process) throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  void stopAll() throws InterruptedException {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  /** Stops the PostgreSQL server that a killed application left running in {@code dataDir}. */
  static void stopPostgresIfLeft(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
  }

  /** The JDBC URL of the PostgreSQL running in {@code dataDir} (port from its pid file). */
  static String jdbcUrl(Path dataDir) throws IOException {
    List<String> pid = Files.readAllLines(dataDir.resolve("postmaster.pid"));
    Path password = dataDir.resolve("cpms-database-password");
    return "jdbc:postgresql://localhost:"
        + pid.get(3).trim()
        + "/postgres?user=postgres"
        + (Files.exists(password) ? "&password=" + Files.readString(password).strip() : "");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
