package vn.cpms.infra.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The embedded PostgreSQL's superuser password (issue 17): generated on the first start, kept in
 * {@value #FILE} inside the data directory, readable by its owner only, and required for every
 * connection, over TCP and the local socket alike ({@code scram-sha-256} in {@code pg_hba.conf}).
 *
 * <p>The order makes every interruption safe: the password is set in the database first (the data
 * directory still trusts local connections), then written to the file, then {@code pg_hba.conf}
 * closes the door. A start that finds no file sets a new password; a start that finds one closes
 * the door before PostgreSQL starts.
 */
final class EmbeddedPostgresPassword {
  static final String FILE = "cpms-database-password";

  static final String CLOSED_HBA =
      """
      # Written by CPMS (issue 17): every connection needs the password kept in %s.
      local all all scram-sha-256
      host  all all 127.0.0.1/32 scram-sha-256
      host  all all ::1/128 scram-sha-256
      """
          .formatted(FILE);

  private EmbeddedPostgresPassword() {}

  /** The stored password, if this data directory has one. */
  static Optional<String> stored(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      return Files.exists(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Before PostgreSQL starts: a directory with a password admits no one without it. */
  static void closeIfPasswordSet(Path dataDir) {
    if (stored(dataDir).isPresent()) {
      writeHba(dataDir);
    }
  }

  /**
   * After PostgreSQL started on a directory without a password (the first start, or one made by an
   * earlier version): sets one, keeps it, closes the door and has PostgreSQL read its new rules.
   */
  static String setUp(Path dataDir, DataSource trusted) throws SQLException {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    try (Connection connection = trusted.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("set password_encryption = 'scram-sha-256'");
      statement.execute("alter user postgres with password '" + password + "'");
      write(dataDir.resolve(FILE), password);
      writeHba(dataDir);
      statement.execute("select pg_reload_conf()");
    }
    return password;
  }

  private static void writeHba(Path dataDir) {
    write(dataDir.resolve("pg_hba.conf"), CLOSED_HBA);
  }

  /** Written whole or not at all, owner-only from the first byte. */
  private static void write(Path target, String content) {
    try {
      Path temporary =
          Files.createTempFile(
              target.getParent(),
              ".cpms",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
