package vn.cpms.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import vn.cpms.infra.privacy.PersonalDataKeys;
import vn.cpms.kernel.area.AreaCode;

/**
 * The benchmark of issue 8: the application (in this JVM) and hand-written JDBC on the same
 * embedded PostgreSQL with durable settings, one line per metric with its ratio and raw figures.
 *
 * <p>Options ({@code --name=value}): {@code commands} (M1/M1h/M1b/M3 commands per round, default
 * 3000), {@code rounds} (measured rounds of each side, alternating, default 3), {@code threads}
 * (client threads, default 8), {@code events} (bulk-loaded events for M1b/M5/M7, default 10000000),
 * {@code latency-samples} (M2/M6, default 300), {@code replay-events} (history replayed in M4,
 * default 200000), {@code only} (a comma-separated subset of M1, M1h, M1b, M2, M3, M4, M5, M6, M7;
 * default all), {@code data-dir} (default a temp dir).
 */
public final class Benchmark {
  final Map<String, String> options;
  final int commands;
  final int threads;
  final long bulkEvents;
  final int latencySamples;
  final long replayEvents;
  final Set<String> only;
  final int rounds;
  final List<String> lines = new ArrayList<>();

  final Harness harness;
  final JdbcBaselines baselines;
  final Throughput throughput;
  final Visibility visibility;
  final Replay replay;
  final AtScale atScale;

  Benchmark(Map<String, String> options) {
    this.options = options;
    commands = Integer.parseInt(options.getOrDefault("commands", "3000"));
    threads = Integer.parseInt(options.getOrDefault("threads", "8"));
    bulkEvents = Long.parseLong(options.getOrDefault("events", "10000000"));
    latencySamples = Integer.parseInt(options.getOrDefault("latency-samples", "300"));
    replayEvents = Long.parseLong(options.getOrDefault("replay-events", "200000"));
    only = Set.of(options.getOrDefault("only", "M1,M1h,M1b,M2,M3,M4,M5,M6,M7").split(","));
    rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
    harness = new Harness(options);
    baselines = new JdbcBaselines(harness);
    throughput = new Throughput(this, harness, baselines);
    visibility = new Visibility(this, harness);
    replay = new Replay(this, harness);
    atScale = new AtScale(this, harness);
  }

  /** Whether a metric was asked for ({@code --only=M4,M6}; all by default). */
  boolean wants(String... metrics) {
    return Arrays.stream(metrics).anyMatch(only::contains);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      }
    }
    Benchmark benchmark = new Benchmark(options);
    int status = 0;
    try {
      benchmark.run();
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    } finally {
      benchmark.stop();
    }
    System.exit(status);
  }

  void print(String line) {
    lines.add(line);
    System.out.println(line);
    System.out.flush();
  }

  static String f(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 1 ? "%.2f" : "%.4f", value);
  }

  void run() throws Exception {
    long started = System.nanoTime();
    harness.start();
    print(
        "# cpms benchmark "
            + Instant.now()
            + " cpus="
            + Runtime.getRuntime().availableProcessors()
            + " java="
            + System.getProperty("java.version")
            + " postgres="
            + harness.queryString("show server_version")
            + " fsync="
            + harness.queryString("show fsync")
            + " synchronous_commit="
            + harness.queryString("show synchronous_commit")
            + " commands="
            + commands
            + " threads="
            + threads
            + " events="
            + bulkEvents);
    baselines.createBaselineTables();
    // M6h reports over HTTP, which accepts a case only in an area the registry knows.
    harness.send(
        new vn.cpms.kernel.area.DefineAreaCommand(
            AreaCode.of("95"), "Benchmark province", vn.cpms.kernel.area.AreaLevel.PROVINCE, null));
    harness.send(
        new vn.cpms.kernel.area.DefineAreaCommand(
            AreaCode.of("95003"),
            "Benchmark commune",
            vn.cpms.kernel.area.AreaLevel.COMMUNE,
            AreaCode.of("95")));

    // Warm-up: JIT and connection pools, both sides.
    harness.reportCases(Math.min(1000, commands), threads, "95999");
    baselines.jdbcInserts(Math.min(1000, commands), threads, 600);
    harness.awaitProjections(Duration.ofMinutes(2));

    if (wants("M1", "M1h", "M1b", "M2", "M3")) {
      throughput.measureThroughputAndLatency();
    }

    if (wants("M6")) {
      // M6: from a command's answer until the worklist and the statistics show it.
      harness.awaitProjections(Duration.ofMinutes(2));
      visibility.measureVisibility();
      visibility.measureVisibilityThroughHeader();
    }

    if (wants("M4")) {
      // M4: replay of the worklist against hand-written JDBC read + batched upsert, over the
      // commands' events and a history of whole case lives.
      harness.awaitProjections(Duration.ofMinutes(2));
      for (StreamingEventProcessor p : harness.processors()) {
        p.shutdownAsync().get(60, TimeUnit.SECONDS);
      }
      // the history, with its statistics rows (M5)
      new BulkLoader(
              harness.plainDataSource(),
              harness.eventSerializer(),
              harness.app.getBean(PersonalDataKeys.class))
          .load(replayEvents);
      try (Connection c = harness.connect();
          Statement s = c.createStatement()) {
        s.execute("analyze domainevententry");
      }
      // the other projections do not replay the history: their tokens move past it (a reset
      // would empty their read models, the statistics just derived among them)
      harness.moveTokensToHead();
      for (StreamingEventProcessor p : harness.processors()) {
        if (!p.getName().equals("worklist")) {
          p.start();
        }
      }
      replay.measureReplay();
    }

    if (wants("M1b", "M5", "M7")) {
      atScale.measureAtScale();
    }
    print(
        "# done in "
            + Duration.ofNanos(System.nanoTime() - started).toSeconds()
            + " s, dead letters="
            + harness.queryLong("select count(*) from deadletterentry"));
  }

  /** Stops the application and the database, whatever has been started. */
  void stop() {
    harness.stop();
  }

  /**
   * The statistics rows of the loaded history (BenchmarkSmokeTest compares them after a replay).
   */
  String loadedStatistics() throws SQLException {
    return atScale.loadedStatistics();
  }

  /** Replays the statistics projection from the first event, until it has caught up. */
  void replayStatistics() throws Exception {
    atScale.replayStatistics();
  }
}
