package vn.cpms.it;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the end-to-end tests that share one running application (one Spring context, one embedded
 * PostgreSQL per test JVM): every subclass keeps exactly this configuration so that Spring's
 * context cache reuses it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cpms.embedded-postgres.data-dir=target/it-postgres",
      "cpms.embedded-postgres.ephemeral=true",
      "cpms.security.admin-password=" + ApplicationIT.ADMIN_PASSWORD,
      "cpms.hotline.caller-key-secret=it-caller-key-secret-0123456789",
      "cpms.privacy.master-key=it-privacy-master-key-0123456789"
    })
public abstract class ApplicationIT {
  public static final String ADMIN_PASSWORD = "it-admin-secret";

  static {
    // Read models follow the events within milliseconds, but not instantly: while a test waits
    // for one, a 404 or a missing field means "not yet", not a failure.
    org.awaitility.Awaitility.ignoreExceptionsByDefault();
  }

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;

  protected ApiClient admin() {
    return new ApiClient(port, "admin", ADMIN_PASSWORD);
  }

  protected ApiClient anonymous() {
    return new ApiClient(port, null, null);
  }

  /** Events stored by commands (a legal clock running out in the background is not counted). */
  protected long storedEvents() {
    Long count =
        jdbc.queryForObject(
            "select count(*) from domainevententry where payloadtype not like '%DeadlineMissedEvent'",
            Long.class);
    return count == null ? 0 : count;
  }
}
