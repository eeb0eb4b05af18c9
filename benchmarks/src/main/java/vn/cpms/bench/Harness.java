package vn.cpms.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The application and the database under test: the embedded PostgreSQL with durable settings and
 * the Spring application in this JVM, their connections and small queries, the commands the
 * benchmark sends, and its projections (event processors). The one place of their state.
 */
final class Harness {
  static final String ADMIN_PASSWORD = "bench-admin-secret";
  static final List<String[]> DURABLE =
      List.of(
          new String[] {"fsync", "on"},
          new String[] {"synchronous_commit", "on"},
          new String[] {"full_page_writes", "on"});

  final Map<String, String> options;
  final HttpApi api = new HttpApi(this);
  CpuMeter cpu;

  EmbeddedPostgres postgres;
  ConfigurableApplicationContext app;
  CommandGateway gateway;
  EventProcessingConfiguration processing;
  String jdbcUrl;
  int httpPort;

  Harness(Map<String, String> options) {
    this.options = options;
  }

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

  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  Serializer eventSerializer() {
    return BeanFactoryAnnotationUtils.qualifiedBeanOfType(
        app.getBeanFactory(), Serializer.class, "eventSerializer");
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
}
