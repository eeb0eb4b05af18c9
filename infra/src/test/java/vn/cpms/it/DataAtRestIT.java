package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 17: what someone with a shell on the server finds in the database. */
class DataAtRestIT extends ApplicationIT {
  @Autowired EmbeddedPostgres postgres;

  @Test
  void the_embedded_database_requires_the_password_kept_for_its_owner_only() throws Exception {
    Path file = Path.of("target/it-postgres").toAbsolutePath().resolve("cpms-database-password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";

    assertThatThrownBy(() -> connect(url, null)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> connect(url, "postgres")).isInstanceOf(SQLException.class);
    try (Connection connection = connect(url, Files.readString(file).strip())) {
      assertThat(connection.isValid(5)).isTrue();
    }
  }

  private static Connection connect(String url, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(url, properties);
  }
}
