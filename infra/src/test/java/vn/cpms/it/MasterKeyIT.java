package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.infra.privacy.PersonalDataKeys;

/**
 * Issue 17: the application refuses to start with a master key that cannot read the stored keys.
 */
class MasterKeyIT extends ApplicationIT {
  @Autowired NamedParameterJdbcTemplate named;
  @Autowired Clock clock;

  @Test
  void a_wrong_master_key_is_refused_and_the_right_one_accepted() {
    UUID child = UUID.randomUUID();
    assertThat(admin().post("/api/v1/children", ChildApiIT.child(child, "Synthetic")).status())
        .isEqualTo(201);
    assertThatCode(
            () ->
                new PersonalDataKeys(named, "it-privacy-master-key-0123456789", clock)
                    .verifyMasterKey())
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                new PersonalDataKeys(named, "a-wrong-master-key-0123456789", clock)
                    .verifyMasterKey())
        .hasMessageContaining("CPMS_PRIVACY_MASTER_KEY")
        .hasMessageContaining("refusing to start");
  }
}
