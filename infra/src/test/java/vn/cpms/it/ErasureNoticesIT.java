package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.infra.privacy.ErasureNotices;
import vn.cpms.infra.privacy.PersonalDataKeys;

/**
 * Issue 18: an erasure on one node is unreadable on every other node at once, not once the other
 * node's key cache expires. The other node is played by a second key store with its own cache and
 * its own listener on the same database.
 */
class ErasureNoticesIT extends ApplicationIT {
  @Autowired NamedParameterJdbcTemplate named;
  @Autowired Clock clock;
  @Autowired DataSource dataSource;

  @Test
  void another_nodes_cached_key_is_forgotten_when_the_child_is_erased() {
    PersonalDataKeys otherNode =
        new PersonalDataKeys(named, "it-privacy-master-key-0123456789", clock);
    ErasureNotices listening = new ErasureNotices(dataSource, otherNode);
    listening.start();
    try {
      UUID child = UUID.randomUUID();
      assertThat(admin().post("/api/v1/children", ChildApiIT.child(child, "Synthetic")).status())
          .isEqualTo(201);
      // the other node has read (and cached) the child's key
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> otherNode.keyForReading(child).isPresent());
      assertThat(admin().post("/api/v1/children/" + child + "/erasure", "{}").status())
          .isEqualTo(200);
      await().atMost(Duration.ofSeconds(3)).until(() -> otherNode.keyForReading(child).isEmpty());
    } finally {
      listening.stop();
    }
  }
}
