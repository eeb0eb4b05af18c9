package vn.cpms.bench;

import static vn.cpms.bench.Benchmark.f;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.ReportCaseCommand;

/**
 * M1 (commands through the gateway), M1h (reports over HTTP), M2 (latency of one command) and M3
 * (steps on existing cases): the application against the equal-work and the one-row JDBC baselines,
 * in alternating rounds.
 */
final class Throughput extends MetricGroup {
  private final JdbcBaselines baselines;

  Throughput(Benchmark benchmark, Harness harness, JdbcBaselines baselines) {
    super(benchmark, harness);
    this.baselines = baselines;
  }

  /**
   * M1 (gateway) and M1h (HTTP as a case worker) against the equal-work baseline and the one-row
   * baseline, in alternating rounds, each baseline round once the projections have caught up; the
   * diagnosis without projections, M2 and M3.
   */
  void measureThroughputAndLatency() throws Exception {
    harness.awaitProjections(Duration.ofMinutes(2));
    EqualWork equal;
    try (Connection c = harness.connect()) {
      equal = EqualWork.capture(c);
    }
    // warms the baseline's statements up
    baselines.equalWork(Math.min(1000, benchmark.commands), benchmark.threads, equal);
    long before = harness.storedBytes();
    harness.reportCases(benchmark.commands, benchmark.threads, "95000");
    long bytesPerCommand = (harness.storedBytes() - before) / benchmark.commands;
    warmUp(() -> harness.reportCases(benchmark.commands, benchmark.threads, "95000"));

    Sides sides =
        alternate(
            () -> harness.reportCases(benchmark.commands, benchmark.threads, "95000")[0],
            () -> baselines.equalWork(benchmark.commands, benchmark.threads, equal),
            () ->
                baselines.jdbcInserts(
                    benchmark.commands, benchmark.threads, (int) bytesPerCommand));
    Rounds app = sides.app;
    Rounds same = sides.baseline;
    Rounds oneRow = sides.other;
    long total = (long) benchmark.commands * benchmark.rounds;
    benchmark.print(
        "M1"
            + comparison("cmd", sides)
            + " ratio_one_row="
            + f(app.median() / oneRow.median())
            + " one_row/s="
            + f(oneRow.median())
            + " one_row/s_spread="
            + oneRow.spread()
            + " rounds="
            + benchmark.rounds
            + " threads="
            + benchmark.threads
            + " bytes/command="
            + bytesPerCommand
            + " events/command="
            + equal.events()
            + cpuFields("cmd", sides.appCpu, total)
            + cpuFields("equal", sides.baselineCpu, total));
    benchmark.print("# M1 java_cpu_ms/cmd by thread (last round): " + sides.byThread);

    // Diagnosis of M1: the same load with the projections stopped.
    for (StreamingEventProcessor p : harness.processors()) {
      p.shutdownAsync().get(60, TimeUnit.SECONDS);
    }
    CpuMeter.Reading start = harness.cpu.read();
    double alone = harness.reportCases(benchmark.commands, benchmark.threads, "95004")[0];
    CpuMeter.Reading aloneCpu = harness.cpu.read().minus(start);
    for (StreamingEventProcessor p : harness.processors()) {
      p.start();
    }
    benchmark.print(
        "# M1 without projections running: ratio="
            + f(alone / same.median())
            + " cmd/s="
            + f(alone)
            + " equal_work/s="
            + f(same.median())
            + cpuFields("cmd", aloneCpu, benchmark.commands));

    if (benchmark.wants("M1h")) {
      measureHttpThroughput(equal);
    }

    measureLatency(equal, (int) bytesPerCommand);

    // M3: steps on existing cases (the cases of M1), against M1.
    List<CaseId> existing = harness.caseIds("95000");
    double m3 = harness.assignCases(existing, benchmark.commands, benchmark.threads);
    benchmark.print(
        "M3 ratio="
            + f(m3 / app.median())
            + " cmd/s="
            + f(m3)
            + " m1_cmd/s="
            + f(app.median())
            + " threads="
            + benchmark.threads
            + " cases="
            + existing.size());
  }

  interface Round {
    void run() throws Exception;
  }

  /** A round of one side of a comparison: its rate. */
  interface Rate {
    double measure() throws Exception;
  }

  /** What alternating rounds measured: each side's rates, and the CPU of the two main sides. */
  static final class Sides {
    final Rounds app = new Rounds();
    final Rounds baseline = new Rounds();
    final Rounds other = new Rounds();
    CpuMeter.Reading appCpu = new CpuMeter.Reading(0, 0);
    CpuMeter.Reading baselineCpu = new CpuMeter.Reading(0, 0);
    String byThread = "";
  }

  /**
   * {@code --rounds} rounds of the application's side, then the baseline's (and another's, if any),
   * each round once the projections have caught up. The application's CPU is counted until its
   * projections have caught up: a command's CPU includes its projections'.
   */
  Sides alternate(Rate app, Rate baseline, Rate other) throws Exception {
    Sides sides = new Sides();
    for (int round = 0; round < benchmark.rounds; round++) {
      harness.awaitProjections(Duration.ofMinutes(2));
      CpuMeter.Reading start = harness.cpu.read();
      ThreadCpu threadCpu = new ThreadCpu();
      sides.app.add(app.measure());
      harness.awaitProjections(Duration.ofMinutes(2));
      sides.byThread = threadCpu.since(benchmark.commands, 12);
      sides.appCpu = sides.appCpu.plus(harness.cpu.read().minus(start));
      start = harness.cpu.read();
      sides.baseline.add(baseline.measure());
      sides.baselineCpu = sides.baselineCpu.plus(harness.cpu.read().minus(start));
      if (other != null) {
        sides.other.add(other.measure());
      }
    }
    return sides;
  }

  /**
   * Rounds of warm-up until the JIT compilers have settled: on two cores they compile the command
   * path and the twelve projections for minutes, and their CPU would be counted against the
   * application (the baseline's few JDBC calls are compiled at once). At most 4 rounds (the
   * compilers never quite settle on this application: 7 s of compilation in the 8th round of a
   * run); the compilation time of the last is printed.
   */
  void warmUp(Round round) throws Exception {
    var jit = ManagementFactory.getCompilationMXBean();
    long compiling = 0;
    int rounds = 0;
    do {
      harness.awaitProjections(Duration.ofMinutes(2));
      long before = jit.getTotalCompilationTime();
      round.run();
      harness.awaitProjections(Duration.ofMinutes(2));
      compiling = jit.getTotalCompilationTime() - before;
      rounds++;
    } while (compiling > 1000 && rounds < 4);
    benchmark.print("# warm-up: rounds=" + rounds + " jit_ms_last_round=" + compiling);
  }

  /**
   * {@code ratio=… <unit>/s=… <unit>/s_spread=… equal_work/s=… equal_work/s_spread=…}: the
   * application's median rate against the equal-work baseline's.
   */
  static String comparison(String unit, Sides sides) {
    return " ratio="
        + f(sides.app.median() / sides.baseline.median())
        + " "
        + unit
        + "/s="
        + f(sides.app.median())
        + " "
        + unit
        + "/s_spread="
        + sides.app.spread()
        + " equal_work/s="
        + f(sides.baseline.median())
        + " equal_work/s_spread="
        + sides.baseline.spread();
  }

  /** {@code <prefix>_cpu_ms=… <prefix>_java_ms=… <prefix>_pg_ms=…} per unit of work. */
  static String cpuFields(String prefix, CpuMeter.Reading used, long units) {
    return " "
        + prefix
        + "_cpu_ms="
        + f((used.javaNanos() + used.postgresNanos()) / 1e6 / units)
        + " "
        + prefix
        + "_java_ms="
        + f(used.javaNanos() / 1e6 / units)
        + " "
        + prefix
        + "_pg_ms="
        + f(used.postgresNanos() / 1e6 / units);
  }

  /** M1h: reports over HTTP with a case worker's credentials, against the same baseline. */
  void measureHttpThroughput(EqualWork equal) throws Exception {
    String worker = "bench.worker";
    String password = "bench-worker-secret-0123";
    harness.api.http(
        "PUT",
        "/api/v1/users/" + worker,
        """
        {"displayName":"Benchmark worker","roles":["CASE_WORKER"],"areaCodes":["95003"],
         "password":"%s"}
        """
            .formatted(password),
        null);
    String credentials = HttpApi.basic(worker, password);
    Harness.Task report =
        i ->
            HttpApi.expect201(
                harness.api.httpAs(credentials, "POST", "/api/v1/cases", HttpApi.reportBody()));
    warmUp(() -> Harness.parallel(benchmark.commands, benchmark.threads, report));
    Sides sides =
        alternate(
            () -> Harness.parallel(benchmark.commands, benchmark.threads, report),
            () -> baselines.equalWork(benchmark.commands, benchmark.threads, equal),
            null);
    long total = (long) benchmark.commands * benchmark.rounds;
    benchmark.print(
        "M1h"
            + comparison("req", sides)
            + " rounds="
            + benchmark.rounds
            + " threads="
            + benchmark.threads
            + cpuFields("req", sides.appCpu, total)
            + cpuFields("equal", sides.baselineCpu, total));
    benchmark.print("# M1h java_cpu_ms/request by thread (last round): " + sides.byThread);
  }

  /**
   * M2: one client, the latency of a command against one transaction of the same rows and against
   * one insert and commit, in alternating rounds, each started with the projections caught up.
   */
  void measureLatency(EqualWork equal, int bytesPerCommand) throws Exception {
    Latencies commandLatency = new Latencies();
    Latencies equalLatency = new Latencies();
    Latencies insertLatency = new Latencies();
    int perRound = Math.max(1, benchmark.latencySamples / benchmark.rounds);
    try (Connection c = harness.connect();
        Connection one = harness.connect()) {
      byte[] payload = JdbcBaselines.payload(bytesPerCommand);
      for (int round = 0; round < benchmark.rounds; round++) {
        harness.awaitProjections(Duration.ofMinutes(2));
        for (int i = 0; i < perRound; i++) {
          ReportCaseCommand command = Harness.report("95002");
          long t0 = System.nanoTime();
          harness.send(command);
          commandLatency.add(System.nanoTime() - t0);
        }
        harness.awaitProjections(Duration.ofMinutes(2));
        for (int i = 0; i < perRound; i++) {
          long t0 = System.nanoTime();
          equal.write(c);
          equalLatency.add(System.nanoTime() - t0);
        }
        for (int i = 0; i < perRound; i++) {
          long t0 = System.nanoTime();
          JdbcBaselines.insert(one, payload);
          insertLatency.add(System.nanoTime() - t0);
        }
      }
    }
    benchmark.print(
        "M2 ratio_p50="
            + f(commandLatency.percentileMillis(50) / insertLatency.percentileMillis(50))
            + " ratio_p99="
            + f(commandLatency.percentileMillis(99) / insertLatency.percentileMillis(99))
            + " ratio_equal_p50="
            + f(commandLatency.percentileMillis(50) / equalLatency.percentileMillis(50))
            + " ratio_equal_p99="
            + f(commandLatency.percentileMillis(99) / equalLatency.percentileMillis(99))
            + " cmd_p50_ms="
            + f(commandLatency.percentileMillis(50))
            + " cmd_p99_ms="
            + f(commandLatency.percentileMillis(99))
            + " equal_p50_ms="
            + f(equalLatency.percentileMillis(50))
            + " equal_p99_ms="
            + f(equalLatency.percentileMillis(99))
            + " jdbc_p50_ms="
            + f(insertLatency.percentileMillis(50))
            + " jdbc_p99_ms="
            + f(insertLatency.percentileMillis(99))
            + " samples="
            + perRound * benchmark.rounds);
  }
}
