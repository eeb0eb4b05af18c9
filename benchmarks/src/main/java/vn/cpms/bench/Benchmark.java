package vn.cpms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.cpms.CpmsApplication;
import vn.cpms.infra.audit.AuditedCommands;
import vn.cpms.infra.axon.EventJson;
import vn.cpms.infra.privacy.PersonalDataKeys;
import vn.cpms.infra.privacy.PersonalDataSerializer;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.AssignCaseCommand;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.ReportCaseCommand;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Sex;

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
  static final String ADMIN_PASSWORD = "bench-admin-secret";
  static final List<String[]> DURABLE =
      List.of(
          new String[] {"fsync", "on"},
          new String[] {"synchronous_commit", "on"},
          new String[] {"full_page_writes", "on"});

  final Map<String, String> options;
  final int commands;
  final int threads;
  final long bulkEvents;
  final int latencySamples;
  final long replayEvents;
  final Set<String> only;
  final int rounds;
  CpuMeter cpu;
  final List<String> lines = new ArrayList<>();

  EmbeddedPostgres postgres;
  ConfigurableApplicationContext app;
  CommandGateway gateway;
  DataSource dataSource;
  EventProcessingConfiguration processing;
  String jdbcUrl;
  int httpPort;

  Benchmark(Map<String, String> options) {
    this.options = options;
    commands = Integer.parseInt(options.getOrDefault("commands", "3000"));
    threads = Integer.parseInt(options.getOrDefault("threads", "8"));
    bulkEvents = Long.parseLong(options.getOrDefault("events", "10000000"));
    latencySamples = Integer.parseInt(options.getOrDefault("latency-samples", "300"));
    replayEvents = Long.parseLong(options.getOrDefault("replay-events", "200000"));
    only = Set.of(options.getOrDefault("only", "M1,M1h,M1b,M2,M3,M4,M5,M6,M7").split(","));
    rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
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
    start();
    print(
        "# cpms benchmark "
            + Instant.now()
            + " cpus="
            + Runtime.getRuntime().availableProcessors()
            + " java="
            + System.getProperty("java.version")
            + " postgres="
            + queryString("show server_version")
            + " fsync="
            + queryString("show fsync")
            + " synchronous_commit="
            + queryString("show synchronous_commit")
            + " commands="
            + commands
            + " threads="
            + threads
            + " events="
            + bulkEvents);
    createBaselineTables();
    // M6h reports over HTTP, which accepts a case only in an area the registry knows.
    send(
        new vn.cpms.kernel.area.DefineAreaCommand(
            AreaCode.of("95"), "Benchmark province", vn.cpms.kernel.area.AreaLevel.PROVINCE, null));
    send(
        new vn.cpms.kernel.area.DefineAreaCommand(
            AreaCode.of("95003"),
            "Benchmark commune",
            vn.cpms.kernel.area.AreaLevel.COMMUNE,
            AreaCode.of("95")));

    // Warm-up: JIT and connection pools, both sides.
    reportCases(Math.min(1000, commands), threads, "95999");
    jdbcInserts(Math.min(1000, commands), threads, 600);
    awaitProjections(Duration.ofMinutes(2));

    double[] m1 = {0};
    if (wants("M1", "M1h", "M1b", "M2", "M3")) {
      m1 = measureThroughputAndLatency();
    }

    if (wants("M6")) {
      // M6: from a command's answer until the worklist and the statistics show it.
      awaitProjections(Duration.ofMinutes(2));
      measureVisibility();
      measureVisibilityThroughHeader();
    }

    if (wants("M4")) {
      // M4: replay of the worklist against hand-written JDBC read + batched upsert, over the
      // commands' events and a history of whole case lives.
      awaitProjections(Duration.ofMinutes(2));
      for (StreamingEventProcessor p : processors()) {
        p.shutdownAsync().get(60, TimeUnit.SECONDS);
      }
      // the history, with its statistics rows (M5)
      new BulkLoader(plainDataSource(), eventSerializer(), app.getBean(PersonalDataKeys.class))
          .load(replayEvents);
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        s.execute("analyze domainevententry");
      }
      // the other projections do not replay the history: their tokens move past it (a reset
      // would empty their read models, the statistics just derived among them)
      moveTokensToHead();
      for (StreamingEventProcessor p : processors()) {
        if (!p.getName().equals("worklist")) {
          p.start();
        }
      }
      measureReplay();
    }

    if (wants("M1b", "M5", "M7")) {
      measureAtScale(m1[0]);
    }
    print(
        "# done in "
            + Duration.ofNanos(System.nanoTime() - started).toSeconds()
            + " s, dead letters="
            + queryLong("select count(*) from deadletterentry"));
  }

  /**
   * M1 (gateway) and M1h (HTTP as a case worker) against the equal-work baseline and the one-row
   * baseline, in alternating rounds, each baseline round once the projections have caught up; the
   * diagnosis without projections, M2 and M3. Returns M1's median rate.
   */
  double[] measureThroughputAndLatency() throws Exception {
    awaitProjections(Duration.ofMinutes(2));
    EqualWork equal;
    try (Connection c = connect()) {
      equal = EqualWork.capture(c);
    }
    equalWork(Math.min(1000, commands), threads, equal); // warms the baseline's statements up
    long before = storedBytes();
    reportCases(commands, threads, "95000");
    long bytesPerCommand = (storedBytes() - before) / commands;
    warmUp(() -> reportCases(commands, threads, "95000"));

    Sides sides =
        alternate(
            () -> reportCases(commands, threads, "95000")[0],
            () -> equalWork(commands, threads, equal),
            () -> jdbcInserts(commands, threads, (int) bytesPerCommand));
    Rounds app = sides.app;
    Rounds same = sides.baseline;
    Rounds oneRow = sides.other;
    long total = (long) commands * rounds;
    print(
        "M1"
            + comparison("cmd", sides)
            + " ratio_one_row="
            + f(app.median() / oneRow.median())
            + " one_row/s="
            + f(oneRow.median())
            + " one_row/s_spread="
            + oneRow.spread()
            + " rounds="
            + rounds
            + " threads="
            + threads
            + " bytes/command="
            + bytesPerCommand
            + " events/command="
            + equal.events()
            + cpuFields("cmd", sides.appCpu, total)
            + cpuFields("equal", sides.baselineCpu, total));
    print("# M1 java_cpu_ms/cmd by thread (last round): " + sides.byThread);

    // Diagnosis of M1: the same load with the projections stopped.
    for (StreamingEventProcessor p : processors()) {
      p.shutdownAsync().get(60, TimeUnit.SECONDS);
    }
    CpuMeter.Reading start = cpu.read();
    double alone = reportCases(commands, threads, "95004")[0];
    CpuMeter.Reading aloneCpu = cpu.read().minus(start);
    for (StreamingEventProcessor p : processors()) {
      p.start();
    }
    print(
        "# M1 without projections running: ratio="
            + f(alone / same.median())
            + " cmd/s="
            + f(alone)
            + " equal_work/s="
            + f(same.median())
            + cpuFields("cmd", aloneCpu, commands));

    if (wants("M1h")) {
      measureHttpThroughput(equal);
    }

    measureLatency(equal, (int) bytesPerCommand);

    // M3: steps on existing cases (the cases of M1), against M1.
    List<CaseId> existing = caseIds("95000");
    double m3 = assignCases(existing, commands, threads);
    print(
        "M3 ratio="
            + f(m3 / app.median())
            + " cmd/s="
            + f(m3)
            + " m1_cmd/s="
            + f(app.median())
            + " threads="
            + threads
            + " cases="
            + existing.size());
    return new double[] {app.median()};
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
    for (int round = 0; round < rounds; round++) {
      awaitProjections(Duration.ofMinutes(2));
      CpuMeter.Reading start = cpu.read();
      ThreadCpu threadCpu = new ThreadCpu();
      sides.app.add(app.measure());
      awaitProjections(Duration.ofMinutes(2));
      sides.byThread = threadCpu.since(commands, 12);
      sides.appCpu = sides.appCpu.plus(cpu.read().minus(start));
      start = cpu.read();
      sides.baseline.add(baseline.measure());
      sides.baselineCpu = sides.baselineCpu.plus(cpu.read().minus(start));
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
      awaitProjections(Duration.ofMinutes(2));
      long before = jit.getTotalCompilationTime();
      round.run();
      awaitProjections(Duration.ofMinutes(2));
      compiling = jit.getTotalCompilationTime() - before;
      rounds++;
    } while (compiling > 1000 && rounds < 4);
    print("# warm-up: rounds=" + rounds + " jit_ms_last_round=" + compiling);
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
    http(
        "PUT",
        "/api/v1/users/" + worker,
        """
        {"displayName":"Benchmark worker","roles":["CASE_WORKER"],"areaCodes":["95003"],
         "password":"%s"}
        """
            .formatted(password),
        null);
    String credentials = basic(worker, password);
    Task report = i -> expect201(httpAs(credentials, "POST", "/api/v1/cases", reportBody()));
    warmUp(() -> parallel(commands, threads, report));
    Sides sides =
        alternate(
            () -> parallel(commands, threads, report),
            () -> equalWork(commands, threads, equal),
            null);
    long total = (long) commands * rounds;
    print(
        "M1h"
            + comparison("req", sides)
            + " rounds="
            + rounds
            + " threads="
            + threads
            + cpuFields("req", sides.appCpu, total)
            + cpuFields("equal", sides.baselineCpu, total));
    print("# M1h java_cpu_ms/request by thread (last round): " + sides.byThread);
  }

  static String reportBody() {
    return """
        {"reportedAt":"%s","channel":"PHONE","areaCode":"95003",
         "child":{"fullName":"Benchmark Child","ageYears":9,"sex":"FEMALE","ethnicity":"01",
                  "disability":false},
         "suspectedForms":["VIOLENCE"],"seriousDanger":false,"description":"Synthetic"}
        """
        .formatted(java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).minusHours(1));
  }

  static void expect201(HttpResponse<String> response) {
    if (response.statusCode() != 201) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  /**
   * M2: one client, the latency of a command against one transaction of the same rows and against
   * one insert and commit, in alternating rounds, each started with the projections caught up.
   */
  void measureLatency(EqualWork equal, int bytesPerCommand) throws Exception {
    Latencies commandLatency = new Latencies();
    Latencies equalLatency = new Latencies();
    Latencies insertLatency = new Latencies();
    int perRound = Math.max(1, latencySamples / rounds);
    try (Connection c = connect();
        Connection one = connect()) {
      byte[] payload = payload(bytesPerCommand);
      for (int round = 0; round < rounds; round++) {
        awaitProjections(Duration.ofMinutes(2));
        for (int i = 0; i < perRound; i++) {
          ReportCaseCommand command = report("95002");
          long t0 = System.nanoTime();
          send(command);
          commandLatency.add(System.nanoTime() - t0);
        }
        awaitProjections(Duration.ofMinutes(2));
        for (int i = 0; i < perRound; i++) {
          long t0 = System.nanoTime();
          equal.write(c);
          equalLatency.add(System.nanoTime() - t0);
        }
        for (int i = 0; i < perRound; i++) {
          long t0 = System.nanoTime();
          insert(one, payload);
          insertLatency.add(System.nanoTime() - t0);
        }
      }
    }
    print(
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
            + perRound * rounds);
  }

  /** M1b, M5 and M7 on a store of {@code --events} events. */
  void measureAtScale(double m1) throws Exception {
    // M1b: two warm measurements, each in a freshly started application after a round of warm-up:
    // on the store as it is, then once the bulk load has filled it.
    app.close();
    startApplication();
    Rounds empty = warmRounds("95001");
    long emptyEvents = storedEvents();
    // Bulk load: 10 M events (heap at 1 M and at the end), their statistics projected.
    bulkLoad();
    Rounds full = warmRounds("95001");
    print(
        "M1b ratio="
            + f(full.median() / empty.median())
            + " cmd/s_full="
            + f(full.median())
            + " cmd/s_full_spread="
            + full.spread()
            + " cmd/s_empty="
            + f(empty.median())
            + " cmd/s_empty_spread="
            + empty.spread()
            + " stored_events="
            + storedEvents()
            + " stored_events_empty="
            + emptyEvents);

    // M5: statistics query against a raw scan of the event table, same figure, in a commune of the
    // loaded history.
    awaitProjections(Duration.ofMinutes(2));
    measureStatistics("96003");

    // M7: bytes per stored event.
    measureStorage();
  }

  // ------------------------------------------------------------------------------------------

  void start() throws IOException, SQLException {
    Path dir =
        options.containsKey("data-dir")
            ? Path.of(options.get("data-dir"))
            : Files.createTempDirectory("cpms-bench");
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("postgres"))
            .setCleanDataDirectory(true)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("timezone", "UTC")
            .setServerConfig("max_connections", "100")
            // Tuning that serves both sides alike and keeps every commit durable.
            .setServerConfig("shared_buffers", "512MB")
            .setServerConfig("max_wal_size", "8GB")
            .setServerConfig("checkpoint_timeout", "30min")
            .setServerConfig("maintenance_work_mem", "512MB");
    for (String[] setting : DURABLE) {
      builder.setServerConfig(setting[0], setting[1]);
    }
    // --pg.<setting>=<value>: a PostgreSQL setting for a diagnosis (e.g. log_statement=all)
    options.forEach(
        (name, value) -> {
          if (name.startsWith("pg.")) {
            builder.setServerConfig(name.substring(3), value);
          }
        });
    postgres = builder.start();
    cpu = new CpuMeter(dir.resolve("postgres"));
    jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    startApplication();
  }

  /** The application, in this JVM, on the benchmark's PostgreSQL. */
  void startApplication() throws SQLException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + jdbcUrl + "?ApplicationName=cpms",
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=20",
                "--server.port=0",
                "--cpms.security.admin-password=" + ADMIN_PASSWORD,
                "--cpms.hotline.caller-key-secret=benchmark-caller-key-secret-0123",
                "--cpms.privacy.master-key=benchmark-privacy-master-key-0123",
                "--logging.level.root=WARN",
                "--logging.level.org.axonframework=ERROR",
                "--logging.level.vn.cpms=WARN"));
    // --app.<property>=<value> tries a setting of the application (e.g. a processor's segments)
    options.forEach(
        (name, value) -> {
          if (name.startsWith("app.")) {
            args.add("--" + name.substring(4) + "=" + value);
          }
        });
    app = new SpringApplicationBuilder(CpmsApplication.class).run(args.toArray(String[]::new));
    gateway = app.getBean(CommandGateway.class);
    dataSource = app.getBean(DataSource.class);
    processing = app.getBean(EventProcessingConfiguration.class);
    httpPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "8080"));
    for (String[] setting : DURABLE) {
      String value = queryString("show " + setting[0]);
      if (!setting[1].equals(value)) {
        throw new IllegalStateException(setting[0] + "=" + value);
      }
    }
  }

  void stop() {
    try {
      if (app != null) {
        app.close();
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
    }
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (IOException e) {
      e.printStackTrace();
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "");
  }

  String queryString(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  long queryLong(String sql) throws SQLException {
    return Long.parseLong(queryString(sql));
  }

  long storedEvents() throws SQLException {
    return queryLong("select count(*) from domainevententry");
  }

  long storedBytes() throws SQLException {
    return queryLong(
        "select coalesce(sum(octet_length(payload) + coalesce(octet_length(metadata), 0)), 0)"
            + " from domainevententry");
  }

  // --- commands ------------------------------------------------------------------------------

  static ReportCaseCommand report(String area) {
    Instant reportedAt =
        Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    ThreadLocalRandomHolder r = ThreadLocalRandomHolder.INSTANCE;
    return new ReportCaseCommand(
        CaseId.random(),
        ChildId.random(),
        new ChildRegistration(
            "Trẻ Tổng Hợp " + r.next(100000),
            null,
            1 + r.next(15),
            r.next(2) == 0 ? Sex.FEMALE : Sex.MALE,
            Ethnicity.of("01"),
            false,
            AreaCode.of(area),
            null,
            null),
        reportedAt,
        Channel.PHONE,
        AreaCode.of(area),
        Set.of(AbuseForm.VIOLENCE, AbuseForm.NEGLECT),
        false,
        "Báo cáo tổng hợp cho đo hiệu năng.",
        null,
        null);
  }

  /** Holder of a tiny random helper (keeps the command builder static). */
  enum ThreadLocalRandomHolder {
    INSTANCE;

    int next(int bound) {
      return java.util.concurrent.ThreadLocalRandom.current().nextInt(bound);
    }
  }

  /**
   * Sends a command as the API sends a worker's: with the request's audit metadata, so that its
   * audit row is written in its transaction (AuditedCommands), as for every command of a request.
   */
  Object send(Object command) {
    String path =
        command instanceof AssignCaseCommand assign
            ? "/api/v1/cases/" + assign.caseId() + "/assignment"
            : "/api/v1/cases";
    return gateway.sendAndWait(
        GenericCommandMessage.asCommandMessage(command)
            .andMetaData(
                Map.of(
                    "username",
                    "benchmark",
                    "actor",
                    "system:benchmark",
                    AuditedCommands.USER,
                    "benchmark",
                    AuditedCommands.METHOD,
                    "POST",
                    AuditedCommands.PATH,
                    path,
                    AuditedCommands.REMOTE,
                    "127.0.0.1")));
  }

  /** Sends {@code n} ReportCaseCommands from {@code threads} clients; returns {commands/s}. */
  double[] reportCases(int n, int threads, String area) throws Exception {
    return new double[] {parallel(n, threads, i -> send(report(area)))};
  }

  double assignCases(List<CaseId> cases, int n, int threads) throws Exception {
    // Each client works on its own cases, as workers do; no version conflicts.
    return parallel(
        n,
        threads,
        i -> send(new AssignCaseCommand(cases.get(i % cases.size()), "worker." + (i % 50), null)));
  }

  interface Task {
    void run(int i) throws Exception;
  }

  /** Runs task 0..n-1 on {@code threads} threads; returns tasks per second. */
  static double parallel(int n, int threads, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    long t0 = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                  task.run(i);
                }
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    return n / seconds;
  }

  List<CaseId> caseIds(String area) throws SQLException {
    List<CaseId> ids = new ArrayList<>();
    awaitProjections(Duration.ofMinutes(2));
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement("select case_id from worklist_case where area_code = ?")) {
      s.setString(1, area);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(new CaseId((UUID) rs.getObject(1)));
        }
      }
    }
    return ids;
  }

  // --- JDBC baselines ------------------------------------------------------------------------

  void createBaselineTables() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      // The same shape as the event table: a sequence, two unique keys, a bytea payload.
      s.execute(
          "create table bench_insert (id bigserial primary key, aggregate varchar(255) not null,"
              + " seq bigint not null, event_id varchar(255) not null unique, payload bytea not null,"
              + " unique (aggregate, seq))");
      s.execute("create table bench_worklist (like worklist_case including all)");
      EqualWork.createTables(c);
    }
  }

  /** The equal-work baseline: {@code n} reports' rows, a transaction each, from {@code threads}. */
  double equalWork(int n, int threads, EqualWork equal) throws Exception {
    return onConnections(n, threads, equal::write);
  }

  /** One-row inserts, autocommit: a commit per insert. */
  double jdbcInserts(int n, int threads, int payloadBytes) throws Exception {
    byte[] payload = payload(payloadBytes);
    return onConnections(n, threads, c -> insert(c, payload));
  }

  interface ConnectionTask {
    void run(Connection connection) throws Exception;
  }

  /**
   * Runs {@code task} {@code n} times on {@code threads} threads, each with a connection of its
   * own.
   */
  double onConnections(int n, int threads, ConnectionTask task) throws Exception {
    List<Connection> connections = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      connections.add(connect());
    }
    ThreadLocal<Connection> mine = new ThreadLocal<>();
    AtomicInteger assigned = new AtomicInteger();
    try {
      return parallel(
          n,
          threads,
          i -> {
            if (mine.get() == null) {
              mine.set(connections.get(assigned.getAndIncrement()));
            }
            task.run(mine.get());
          });
    } finally {
      for (Connection c : connections) {
        c.close();
      }
    }
  }

  static byte[] payload(int size) {
    byte[] payload = new byte[Math.max(1, size)];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) ('a' + i % 26);
    }
    return payload;
  }

  static void insert(Connection c, byte[] payload) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into bench_insert (aggregate, seq, event_id, payload) values (?, 0, ?, ?)")) {
      s.setString(1, UUID.randomUUID().toString());
      s.setString(2, UUID.randomUUID().toString());
      s.setBytes(3, payload);
      s.executeUpdate();
    }
  }

  Latencies jdbcLatencies(int n, int payloadBytes) throws SQLException {
    Latencies latencies = new Latencies();
    byte[] payload = payload(payloadBytes);
    try (Connection c = connect()) {
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        insert(c, payload);
        latencies.add(System.nanoTime() - t0);
      }
    }
    return latencies;
  }

  // --- projections ---------------------------------------------------------------------------

  List<StreamingEventProcessor> processors() {
    List<StreamingEventProcessor> all = new ArrayList<>();
    processing
        .eventProcessors()
        .values()
        .forEach(
            p -> {
              if (p instanceof StreamingEventProcessor s) {
                all.add(s);
              }
            });
    return all;
  }

  static boolean passed(StreamingEventProcessor processor, long index) {
    if (processor.isReplaying() || processor.processingStatus().isEmpty()) {
      return false;
    }
    return processor.processingStatus().values().stream()
        .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= index);
  }

  void awaitProjections(Duration timeout) throws SQLException {
    long head = queryLong("select coalesce(max(globalindex), 0) from domainevententry");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!processors().stream().allMatch(p -> passed(p, head))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("projections did not catch up with " + head);
      }
      sleep(20);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void measureVisibility() throws SQLException {
    Latencies worklist = new Latencies();
    Latencies statistics = new Latencies();
    try (Connection c = connect();
        PreparedStatement w =
            c.prepareStatement("select count(*) from worklist_case where case_id = ?");
        PreparedStatement s =
            c.prepareStatement("select count(*) from stat_case where case_id = ?")) {
      for (int i = 0; i < latencySamples; i++) {
        ReportCaseCommand command = report("95003");
        send(command);
        long answered = System.nanoTime();
        boolean inWorklist = false;
        boolean inStatistics = false;
        while (!inWorklist || !inStatistics) {
          if (!inWorklist && exists(w, command.caseId().value())) {
            inWorklist = true;
            worklist.add(System.nanoTime() - answered);
          }
          if (!inStatistics && exists(s, command.caseId().value())) {
            inStatistics = true;
            statistics.add(System.nanoTime() - answered);
          }
          if (System.nanoTime() - answered > 60_000_000_000L) {
            throw new IllegalStateException("not visible after 60 s");
          }
        }
      }
    }
    print(
        "M6 worklist_p95_ms="
            + f(worklist.percentileMillis(95))
            + " statistics_p95_ms="
            + f(statistics.percentileMillis(95))
            + " worklist_p50_ms="
            + f(worklist.percentileMillis(50))
            + " statistics_p50_ms="
            + f(statistics.percentileMillis(50))
            + " poll_interval_ms=500 ratio_to_poll="
            + f(Math.max(worklist.percentileMillis(95), statistics.percentileMillis(95)) / 500.0)
            + " samples="
            + latencySamples);
  }

  /**
   * M6 through the API's contract (API.md "Reads follow writes"): a case reported over HTTP, then
   * read back with the {@code Consistency-Position} its answer carried: the time from the answer
   * until the case page (worklist read model) and the statistic (statistics read model) answer.
   */
  void measureVisibilityThroughHeader() throws Exception {
    Latencies casePage = new Latencies();
    Latencies statistic = new Latencies();
    // each sample waits for the statistics' poll (half a second): 100 keep the run under 20 min
    int samples = Math.min(latencySamples, 100);
    for (int i = 0; i < samples; i++) {
      HttpResponse<String> reported = http("POST", "/api/v1/cases", reportBody(), null);
      long answered = System.nanoTime();
      String position = reported.headers().firstValue("Consistency-Position").orElseThrow();
      String id = new ObjectMapper().readTree(reported.body()).get("id").asText();
      expect200(http("GET", "/api/v1/cases/" + id, null, position));
      casePage.add(System.nanoTime() - answered);
      expect200(
          http(
              "GET",
              "/api/v1/statistics/cases-reported?area=95003&from=2020-01-01&to=2030-12-31",
              null,
              position));
      statistic.add(System.nanoTime() - answered);
    }
    print(
        "M6h case_page_p50_ms="
            + f(casePage.percentileMillis(50))
            + " case_page_p99_ms="
            + f(casePage.percentileMillis(99))
            + " statistic_p50_ms="
            + f(statistic.percentileMillis(50))
            + " statistic_p99_ms="
            + f(statistic.percentileMillis(99))
            + " samples="
            + samples
            + " via=http_with_consistency_position");
  }

  static void expect200(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  HttpResponse<String> http(String method, String path, String body, String position)
      throws Exception {
    HttpResponse<String> response =
        send(basic("admin", ADMIN_PASSWORD), method, path, body, position);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  /** The {@code Authorization} header of HTTP Basic for a user. */
  static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A request with these credentials; its answer, whatever its status. */
  HttpResponse<String> httpAs(String credentials, String method, String path, String body)
      throws Exception {
    return send(credentials, method, path, body, null);
  }

  private HttpResponse<String> send(
      String credentials, String method, String path, String body, String position)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
            .header("Authorization", credentials)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (position != null) {
      request.header("Consistency-Position", position);
    }
    return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static boolean exists(PreparedStatement query, UUID id) throws SQLException {
    query.setObject(1, id);
    try (ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  void measureReplay() throws Exception {
    long events = storedEvents();
    int threads = worklistThreads();
    // a first round of each side warms up the JIT (a replay runs in a started application), then
    // the measured rounds, alternating
    replayWorklist();
    handWrittenWorklist(threads);
    Rounds replay = new Rounds();
    Rounds hand = new Rounds();
    long baselineRows = 0;
    for (int round = 0; round < rounds; round++) {
      replay.add(events / (replayWorklist() / 1e9));
      long t0 = System.nanoTime();
      baselineRows = handWrittenWorklist(threads);
      hand.add(events / ((System.nanoTime() - t0) / 1e9));
    }
    long rows = queryLong("select count(*) from worklist_case");
    print(
        "M4 ratio="
            + f(replay.median() / hand.median())
            + " replay_events/s="
            + f(replay.median())
            + " replay_events/s_spread="
            + replay.spread()
            + " jdbc_events/s="
            + f(hand.median())
            + " jdbc_events/s_spread="
            + hand.spread()
            + " threads="
            + threads
            + " rounds="
            + rounds
            + " batch="
            + worklistBatchSize()
            + " events="
            + events
            + " rows="
            + rows
            + " jdbc_rows="
            + baselineRows
            + " described="
            + queryLong("select count(*) from worklist_case where description is not null")
            + " jdbc_described="
            + queryLong("select count(*) from bench_worklist where description is not null"));
  }

  /** The worklist processor's batch size, which the hand-written replay commits by too. */
  int worklistBatchSize() {
    return app.getEnvironment()
        .getProperty("axon.eventhandling.processors.worklist.batch-size", Integer.class, 100);
  }

  /** The worklist processor's threads, which the hand-written replay is given too. */
  int worklistThreads() {
    return app.getEnvironment()
        .getProperty("axon.eventhandling.processors.worklist.thread-count", Integer.class, 1);
  }

  /** The hand-written worklist on {@code threads} threads, each its share of the cases. */
  long handWrittenWorklist(int threads) throws Exception {
    try (Connection c = connect();
        Statement truncate = c.createStatement()) {
      truncate.execute("truncate bench_worklist");
    }
    parallel(threads, threads, segment -> handWrittenWorklist(segment, threads));
    return queryLong("select count(*) from bench_worklist");
  }

  /** Replays the worklist from the first event; returns the nanoseconds it took. */
  long replayWorklist() throws Exception {
    return replayFromStart("worklist", Duration.ofMinutes(30));
  }

  /** Replays a processor from the first event until it has caught up; the nanoseconds it took. */
  long replayFromStart(String name, Duration timeout) throws Exception {
    long head = queryLong("select max(globalindex) from domainevententry");
    StreamingEventProcessor processor =
        processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    processor.shutdownAsync().get(60, TimeUnit.SECONDS);
    processor.resetTokens(); // from the first event
    long t0 = System.nanoTime();
    processor.start();
    while (!passed(processor, head)) {
      if (System.nanoTime() - t0 > timeout.toNanos()) {
        throw new IllegalStateException(name + " did not catch up with " + head);
      }
      sleep(5);
    }
    return System.nanoTime() - t0;
  }

  /**
   * The worklist by hand: read the event table in order, parse the payload of each event of this
   * segment's cases, and upsert the rows, a transaction per as many events read as the worklist
   * processor's batch size, as a processor's thread does.
   */
  void handWrittenWorklist(int segment, int segments) throws Exception {
    ObjectMapper json = EventJson.objectMapper();
    PersonalDataKeys keys = app.getBean(PersonalDataKeys.class);
    int batchSize = worklistBatchSize();
    try (Connection read = connect();
        Connection write = connect()) {
      read.setAutoCommit(false);
      write.setAutoCommit(false);
      PreparedStatement upsert =
          write.prepareStatement(
              "insert into bench_worklist (case_id, child_id, status, area_code,"
                  + " reported_area_code, channel, reported_at, suspected_forms, serious_danger,"
                  + " description, child_sex, child_age_years, initial_assessment_due_at,"
                  + " initial_assessment_done, version) values (?, ?, 'REPORTED', ?, ?, ?, ?, ?,"
                  + " ?, ?, ?, ?, ?, false, ?) on conflict (case_id) do nothing");
      PreparedStatement assign =
          write.prepareStatement(
              "update bench_worklist set assignee = ?, status = case when status = 'REPORTED'"
                  + " then 'ASSIGNED' else status end, version = ? where case_id = ? and version < ?");
      PreparedStatement initial =
          write.prepareStatement(
              "update bench_worklist set status = 'INITIALLY_ASSESSED', initially_assessed_at = ?,"
                  + " initial_assessment_done = true, risk_level = ?, plan_due_at = ?, version = ?"
                  + " where case_id = ? and version < ?");
      PreparedStatement assessed =
          write.prepareStatement(
              "update bench_worklist set status = 'ASSESSED', abuse_confirmed = ?,"
                  + " confirmed_forms = ?, version = ? where case_id = ? and version < ?");
      PreparedStatement closed =
          write.prepareStatement(
              "update bench_worklist set status = 'CLOSED', closed_on = ?, closure_reason = ?,"
                  + " version = ? where case_id = ? and version < ?");
      try (PreparedStatement s =
          read.prepareStatement(
              "select e.payloadtype, e.payload, e.sequencenumber, case when e.payloadtype ="
                  + " 'vn.cpms.kernel.cases.CaseReportedEvent' then (select k.wrapped_key from"
                  + " personal_data_key k where k.subject_id = e.aggregateidentifier::uuid) end,"
                  + " e.aggregateidentifier from domainevententry e order by e.globalindex")) {
        s.setFetchSize(1000);
        int inBatch = 0;
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            String type = rs.getString(1);
            long sequence = rs.getLong(3);
            if (Math.floorMod(rs.getString(5).hashCode(), segments) != segment) {
              type = "";
            }
            if (type.endsWith(".CaseReportedEvent")) {
              JsonNode e = json.readTree(rs.getBytes(2));
              UUID caseId = UUID.fromString(e.path("caseId").asText());
              upsert.setObject(1, caseId);
              upsert.setObject(2, UUID.fromString(e.path("childId").asText()));
              upsert.setString(3, e.path("areaCode").asText());
              upsert.setString(4, e.path("areaCode").asText());
              upsert.setString(5, e.path("channel").asText());
              upsert.setTimestamp(6, Timestamp.from(Instant.parse(e.path("reportedAt").asText())));
              List<String> forms = new ArrayList<>();
              e.path("suspectedForms").forEach(f -> forms.add(f.asText()));
              upsert.setString(7, String.join(",", forms));
              upsert.setBoolean(8, e.path("seriousDanger").asBoolean());
              upsert.setString(9, open(json, keys, caseId, rs.getBytes(4), e.path("description")));
              upsert.setString(10, e.path("child").path("sex").asText("UNKNOWN"));
              upsert.setObject(
                  11,
                  e.path("child").path("ageYears").isNumber()
                      ? e.path("child").path("ageYears").asInt()
                      : null,
                  java.sql.Types.INTEGER);
              upsert.setTimestamp(
                  12, Timestamp.from(Instant.parse(e.path("initialAssessmentDueAt").asText())));
              upsert.setLong(13, sequence);
              upsert.addBatch();
            } else if (type.endsWith(".CaseAssignedEvent")) {
              JsonNode e = json.readTree(rs.getBytes(2));
              assign.setString(1, e.path("workerUsername").asText());
              assign.setLong(2, sequence);
              assign.setObject(3, UUID.fromString(e.path("caseId").asText()));
              assign.setLong(4, sequence);
              assign.addBatch();
            } else if (type.endsWith(".InitialAssessmentRecordedEvent")) {
              JsonNode e = json.readTree(rs.getBytes(2));
              initial.setTimestamp(1, Timestamp.from(Instant.parse(e.path("assessedAt").asText())));
              initial.setString(2, e.path("riskLevel").asText());
              initial.setTimestamp(3, Timestamp.from(Instant.parse(e.path("planDueAt").asText())));
              initial.setLong(4, sequence);
              initial.setObject(5, UUID.fromString(e.path("caseId").asText()));
              initial.setLong(6, sequence);
              initial.addBatch();
            } else if (type.endsWith(".CaseAssessedEvent")) {
              JsonNode e = json.readTree(rs.getBytes(2));
              List<String> forms = new ArrayList<>();
              e.path("confirmedForms").forEach(f -> forms.add(f.asText()));
              assessed.setBoolean(1, e.path("abuseConfirmed").asBoolean());
              assessed.setString(2, String.join(",", forms));
              assessed.setLong(3, sequence);
              assessed.setObject(4, UUID.fromString(e.path("caseId").asText()));
              assessed.setLong(5, sequence);
              assessed.addBatch();
            } else if (type.endsWith(".CaseClosedEvent")) {
              JsonNode e = json.readTree(rs.getBytes(2));
              closed.setDate(1, java.sql.Date.valueOf(e.path("closedOn").asText()));
              closed.setString(2, e.path("reason").asText());
              closed.setLong(3, sequence);
              closed.setObject(4, UUID.fromString(e.path("caseId").asText()));
              closed.setLong(5, sequence);
              closed.addBatch();
            }
            if (++inBatch == batchSize) {
              upsert.executeBatch();
              assign.executeBatch();
              initial.executeBatch();
              assessed.executeBatch();
              closed.executeBatch();
              write.commit();
              inBatch = 0;
            }
          }
        }
        upsert.executeBatch();
        assign.executeBatch();
        initial.executeBatch();
        assessed.executeBatch();
        closed.executeBatch();
        write.commit();
      }
      read.commit();
    }
  }

  /** A sealed personal value opened with the wrapped key read alongside it, as written by hand. */
  static String open(
      ObjectMapper json, PersonalDataKeys keys, UUID subject, byte[] wrapped, JsonNode value)
      throws IOException {
    String text = value.asText(null);
    if (text == null || !text.startsWith(PersonalDataSerializer.PREFIX)) {
      return text;
    }
    if (wrapped == null) {
      return null;
    }
    SecretKey key = keys.unwrapped(subject, wrapped).orElseThrow();
    byte[] sealed = Base64.getDecoder().decode(text.substring(text.lastIndexOf(':') + 1));
    return json.readTree(keys.decrypt(key, subject, sealed)).asText(null);
  }

  // --- bulk load, statistics, storage ----------------------------------------------------------

  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  BulkLoader loader;

  Serializer eventSerializer() {
    return BeanFactoryAnnotationUtils.qualifiedBeanOfType(
        app.getBeanFactory(), Serializer.class, "eventSerializer");
  }

  long heapAt1M;
  long heapAtEnd;
  long loadedAt1M;

  /**
   * Loads the history with the application stopped (a bulk load is not something the running system
   * sees), moves every projection's token to its end (they do not replay the synthetic history),
   * and measures the heap of a freshly started application at 1 M and at 10 M events.
   */
  void bulkLoad() throws Exception {
    loader =
        new BulkLoader(plainDataSource(), eventSerializer(), app.getBean(PersonalDataKeys.class));
    app.close();
    long t0 = System.nanoTime();
    loader.dropUniqueConstraints();
    long stored = storedEvents();
    long first = Math.max(0, Math.min(bulkEvents - stored, 1_000_000 - stored));
    loader.load(first);
    long loaded = System.nanoTime();
    moveTokensToHead();
    startApplication();
    awaitProjections(Duration.ofMinutes(2));
    loadedAt1M = storedEvents();
    heapAt1M = usedHeapAfterGc();
    app.close();
    long t1 = System.nanoTime();
    loader.load(Math.max(0, bulkEvents - loadedAt1M));
    loaded += System.nanoTime() - t1;
    long t2 = System.nanoTime();
    loader.createUniqueConstraints();
    long indexing = System.nanoTime() - t2;
    moveTokensToHead();
    startApplication();
    awaitProjections(Duration.ofMinutes(2));
    heapAtEnd = usedHeapAfterGc();
    print(
        "# bulk load: events="
            + storedEvents()
            + " copy_s="
            + f((loaded - t0) / 1e9)
            + " index_s="
            + f(indexing / 1e9)
            + " stat_case_rows="
            + queryLong("select count(*) from stat_case"));
  }

  /** The statistics rows of the loaded history (communes 96…), as text, in order. */
  String loadedStatistics() throws SQLException {
    return queryString(
            "select coalesce(string_agg(t::text, E'\\n' order by t::text), '')"
                + " from (select * from stat_case where area_code like '96%') t")
        + queryString(
            "select coalesce(string_agg(t::text, E'\\n' order by t::text), '')"
                + " from (select s.* from stat_case_status s join stat_case c using (case_id)"
                + " where c.area_code like '96%') t");
  }

  /** Replays the statistics projection from the first event, until it has caught up. */
  void replayStatistics() throws Exception {
    replayFromStart("statistics", Duration.ofMinutes(5));
  }

  /** A round of warm-up, then the measured rounds of M1's commands, each after a catch-up. */
  Rounds warmRounds(String area) throws Exception {
    awaitProjections(Duration.ofMinutes(2));
    reportCases(commands, threads, area);
    Rounds measured = new Rounds();
    for (int round = 0; round < rounds; round++) {
      awaitProjections(Duration.ofMinutes(2));
      measured.add(reportCases(commands, threads, area)[0]);
    }
    return measured;
  }

  DataSource plainDataSource() {
    org.postgresql.ds.PGSimpleDataSource plain = new org.postgresql.ds.PGSimpleDataSource();
    plain.setUrl(jdbcUrl);
    plain.setUser("postgres");
    return plain;
  }

  /** Every tracking token at the last stored event, written while the application is stopped. */
  void moveTokensToHead() throws SQLException {
    long head = queryLong("select max(globalindex) from domainevententry");
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "update tokenentry set token = convert_to(?, 'UTF8'), tokentype = ?, owner = null"
                    + " where token is not null")) {
      s.setString(1, "{\"index\":" + head + ",\"gaps\":[]}");
      s.setString(2, "org.axonframework.eventhandling.GapAwareTrackingToken");
      s.executeUpdate();
    }
  }

  String get(String path) throws Exception {
    HttpResponse<String> response = http("GET", path, null, null);
    expect200(response);
    return response.body();
  }

  private HttpClient http;

  synchronized HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }
    return http;
  }

  void measureStatistics(String area) throws Exception {
    String path =
        "/api/v1/statistics/cases-reported?area=" + area + "&from=2020-01-01&to=2030-12-31";
    String byMonth = path + "&by=month";
    ObjectMapper json = new ObjectMapper();
    Latencies query = new Latencies();
    long figure = 0;
    for (int i = 0; i < 220; i++) {
      long t0 = System.nanoTime();
      String body = get(i % 2 == 0 ? path : byMonth);
      long elapsed = System.nanoTime() - t0;
      if (i >= 20) { // the first ones warm up
        query.add(elapsed);
      }
      if (i % 2 == 0) {
        figure = json.readTree(body).get("total").asLong();
      }
    }
    Latencies scan = new Latencies();
    long scanned = 0;
    String raw =
        "select count(*) from domainevententry where payloadtype = 'vn.cpms.kernel.cases."
            + "CaseReportedEvent' and convert_from(payload, 'UTF8')::jsonb ->> 'areaCode' = '"
            + area
            + "' and (convert_from(payload, 'UTF8')::jsonb #>> '{child,ageYears}')::int < 16";
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      scanned = queryLong(raw);
      scan.add(System.nanoTime() - t0);
    }
    print(
        "M5 ratio="
            + f(query.percentileMillis(95) / scan.percentileMillis(95))
            + " query_p95_ms="
            + f(query.percentileMillis(95))
            + " scan_p95_ms="
            + f(scan.percentileMillis(95))
            + " figure="
            + figure
            + " scan_figure="
            + scanned
            + " stat_rows="
            + queryLong("select count(*) from stat_case where area_code = '" + area + "'")
            + " worklist_rows="
            + queryLong("select count(*) from worklist_case where area_code = '" + area + "'")
            + " stored_events="
            + storedEvents());
  }

  void measureStorage() throws SQLException {
    long events = storedEvents();
    long bytes = queryLong("select pg_total_relation_size('domainevententry')");
    double payload =
        Double.parseDouble(queryString("select avg(octet_length(payload)) from domainevententry"));
    double perEvent = (double) bytes / events;
    print(
        "M7 ratio_bytes="
            + f(perEvent / payload)
            + " bytes/event="
            + f(perEvent)
            + " payload_json_bytes="
            + f(payload)
            + " ratio_heap="
            + f((double) heapAtEnd / heapAt1M)
            + " heap_mb_at_"
            + loadedAt1M
            + "="
            + f(heapAt1M / 1e6)
            + " heap_mb_at_"
            + events
            + "="
            + f(heapAtEnd / 1e6));
  }
}
