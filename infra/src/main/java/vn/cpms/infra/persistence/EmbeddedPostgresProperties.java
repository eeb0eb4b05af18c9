package vn.cpms.infra.persistence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that the application starts when no {@code spring.datasource.url} is
 * configured.
 *
 * @param dataDir where the database lives; it survives restarts
 * @param port TCP port on localhost, 0 for any free port
 * @param ephemeral start from an empty database and delete it at shutdown (tests only)
 * @param transactionTimeout the longest a transaction may last (PostgreSQL's {@code
 *     transaction_timeout}): below the processors' gap timeout
 */
@ConfigurationProperties("cpms.embedded-postgres")
public record EmbeddedPostgresProperties(
    Path dataDir, int port, boolean ephemeral, java.time.Duration transactionTimeout) {
  public EmbeddedPostgresProperties {
    if (dataDir == null) {
      dataDir = Path.of("data", "postgres");
    }
    if (transactionTimeout == null) {
      transactionTimeout = java.time.Duration.ofSeconds(30);
    }
  }

  /** The data directory as an absolute path: where PostgreSQL and its password file live. */
  public Path directory() {
    return dataDir.toAbsolutePath().normalize();
  }
}
