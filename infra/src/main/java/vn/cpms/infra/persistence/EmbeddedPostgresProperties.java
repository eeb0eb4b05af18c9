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
 */
@ConfigurationProperties("cpms.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDir, int port, boolean ephemeral) {
  public EmbeddedPostgresProperties {
    if (dataDir == null) {
      dataDir = Path.of("data", "postgres");
    }
  }
}
