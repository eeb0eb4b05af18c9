package vn.cpms.infra.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL (zonky's embedded binaries) inside the application when no {@code
 * spring.datasource.url} is configured, so that a new user needs nothing installed. Data lives
 * under {@code cpms.embedded-postgres.data-dir} and survives restarts; fsync, full-page writes and
 * synchronous commit are on, so a committed event survives a crash of the process or the machine.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  /** The lock file that zonky's EmbeddedPostgres holds while its owner is alive. */
  static final String OWNER_LOCK = "epg-lock";

  /** Durability settings; zonky's defaults (fsync off, asynchronous commit) suit tests only. */
  static final List<String[]> DURABLE_SETTINGS =
      List.of(
          new String[] {"fsync", "on"},
          new String[] {"synchronous_commit", "on"},
          new String[] {"full_page_writes", "on"});

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
    Path dataDir = properties.directory();
    Files.createDirectories(dataDir);
    stopOrphanedServer(dataDir);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(properties.ephemeral())
            // Spring closes this bean after everything that uses the database has stopped; a JVM
            // shutdown hook of its own would stop PostgreSQL under the running event processors.
            .setRegisterShutdownHook(false)
            .setPort(properties.port())
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("timezone", "UTC")
            // reachable from this machine only (issue 17)
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("max_connections", "100")
            // the server's own log never holds a refused row's values (issue 17): no DETAIL
            // ("Failing row contains …"), no statement, no parameters
            .setServerConfig("log_error_verbosity", "terse")
            .setServerConfig("log_min_error_statement", "panic")
            .setServerConfig("log_parameter_max_length_on_error", "0")
            // no transaction outlives the processors' gap timeout: a gap is never skipped
            // (issue 18); Flyway's migrations run without it (flywayDataSource)
            .setServerConfig(
                "transaction_timeout", properties.transactionTimeout().toMillis() + "ms")
            // a directory with a password admits no one without it (issue 17)
            .setDataDirectoryCustomizer(
                directory -> EmbeddedPostgresPassword.closeIfPasswordSet(directory.toPath()));
    EmbeddedPostgresPassword.stored(dataDir)
        .ifPresent(password -> builder.setConnectConfig("password", password));
    for (String[] setting : DURABLE_SETTINGS) {
      builder.setServerConfig(setting[0], setting[1]);
    }
    EmbeddedPostgres postgres = builder.start();
    log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDir);
    return postgres;
  }

  @Bean
  @org.springframework.context.annotation.Primary
  DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties)
      throws SQLException {
    Path dataDir = properties.directory();
    Optional<String> stored = EmbeddedPostgresPassword.stored(dataDir);
    String password =
        stored.isPresent()
            ? stored.get()
            : EmbeddedPostgresPassword.setUp(dataDir, postgres.getPostgresDatabase());
    HikariConfig config = new HikariConfig();
    config.setPassword(password);
    config.setJdbcUrl(
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?ApplicationName=cpms");
    config.setUsername("postgres");
    config.setPoolName("cpms-embedded");
    config.setMaximumPoolSize(20);
    HikariDataSource dataSource = new HikariDataSource(config);
    verifyDurability(dataSource);
    return dataSource;
  }

  /**
   * Flyway's own connections, outside the pool: a migration of a large database may take longer
   * than the application's transaction timeout.
   */
  @Bean
  @org.springframework.boot.autoconfigure.flyway.FlywayDataSource
  DataSource flywayDataSource(
      EmbeddedPostgres postgres,
      EmbeddedPostgresProperties properties,
      // made first: on the first start it sets the password this one reads
      @org.springframework.beans.factory.annotation.Qualifier("dataSource") DataSource pool) {
    org.postgresql.ds.PGSimpleDataSource flyway = new org.postgresql.ds.PGSimpleDataSource();
    flyway.setUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
    flyway.setUser("postgres");
    EmbeddedPostgresPassword.stored(properties.directory()).ifPresent(flyway::setPassword);
    flyway.setOptions("-c transaction_timeout=0");
    flyway.setApplicationName("cpms-flyway");
    return flyway;
  }

  private static void verifyDurability(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String[] setting : DURABLE_SETTINGS) {
        try (ResultSet rs = statement.executeQuery("show " + setting[0])) {
          rs.next();
          if (!setting[1].equals(rs.getString(1))) {
            throw new IllegalStateException(
                "embedded PostgreSQL runs with " + setting[0] + "=" + rs.getString(1));
          }
        }
      }
    }
  }

  /**
   * After a {@code kill -9} of the application, its PostgreSQL child keeps running and holds the
   * data directory. Stop it (a normal shutdown: PostgreSQL finishes cleanly) before starting anew.
   * A server whose owner is still alive (another CPMS on the same data directory holds its lock) is
   * never touched: starting fails with a clear message instead.
   */
  static void stopOrphanedServer(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try (FileChannel channel =
            FileChannel.open(
                dataDir.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new IllegalStateException(
            "The database in " + dataDir + " is in use by another running CPMS; stop it first");
      }
      stopServer(pidFile);
    }
  }

  private static void stopServer(Path pidFile) throws IOException {
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    } catch (RuntimeException e) {
      return; // unreadable: let PostgreSQL judge the stale file itself
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    boolean isPostgres =
        process
            .flatMap(p -> p.info().command())
            .map(command -> command.endsWith("postgres"))
            .orElse(false);
    if (process.isEmpty() || !isPostgres) {
      return;
    }
    log.warn("Stopping the PostgreSQL server (pid {}) left running by a previous run", pid);
    ProcessHandle server = process.get();
    server.destroy();
    try {
      server.onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("PostgreSQL (pid {}) did not stop in 60 s, killing it", pid);
      server.destroyForcibly();
    }
  }

  /** Matches when the user configured no external database. */
  static class NoDatasourceUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String url = context.getEnvironment().getProperty("spring.datasource.url");
      return url == null || url.isBlank();
    }
  }
}
