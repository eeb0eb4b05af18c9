package vn.cpms.infra.axon;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An event's global index is taken when it is inserted, so a transaction that commits late leaves a
 * gap that the processors wait for up to the gap timeout, then skip. No transaction may outlive
 * that wait (issue 18): at start, PostgreSQL's {@code transaction_timeout} (PostgreSQL 17; the
 * embedded server sets it) is read and compared with the gap timeout. An external server without
 * it, or with a longer one, is named in a warning with what to set.
 */
public class GapSafety implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(GapSafety.class);

  private final JdbcTemplate jdbc;
  private final Duration gapTimeout;

  public GapSafety(JdbcTemplate jdbc, Duration gapTimeout) {
    this.jdbc = jdbc;
    this.gapTimeout = gapTimeout;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Optional<Duration> timeout = transactionTimeout();
    if (timeout.isEmpty() || timeout.get().isZero() || timeout.get().compareTo(gapTimeout) >= 0) {
      log.warn(
          "PostgreSQL's transaction_timeout is {} but must stay below the processors' gap timeout"
              + " ({}), or an event committed later than that could be skipped by the read"
              + " models: set it for the application's role (ALTER ROLE … SET transaction_timeout"
              + " = '30s', PostgreSQL 17) or raise CPMS_EVENTS_GAP_TIMEOUT (README, several nodes)",
          timeout.map(Duration::toString).orElse("not available"),
          gapTimeout);
    } else {
      log.info("transaction_timeout {} is below the gap timeout {}", timeout.get(), gapTimeout);
    }
  }

  /** The server's transaction timeout for this application's connections, if it has one. */
  Optional<Duration> transactionTimeout() {
    try {
      Long millis =
          jdbc.queryForObject(
              "select setting::bigint from pg_settings where name = 'transaction_timeout'",
              Long.class);
      return Optional.ofNullable(millis).map(Duration::ofMillis);
    } catch (RuntimeException olderServer) {
      return Optional.empty();
    }
  }
}
