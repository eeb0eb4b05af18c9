package vn.cpms.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class MasterKeysTest {
  static final byte[] SALT = "sixteen byte slt".getBytes();

  @Test
  void a_key_given_as_256_random_bits_is_used_as_it_is() {
    byte[] raw = new byte[32];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i * 7);
    }
    SecretKey key = MasterKeys.deriveKey(Base64.getEncoder().encodeToString(raw), SALT);
    assertThat(key.getEncoded()).isEqualTo(raw);
  }

  @Test
  void a_passphrase_goes_through_pbkdf2_with_the_installation_salt() {
    String passphrase = "a province's passphrase of some length";
    SecretKey derived = MasterKeys.deriveKey(passphrase, SALT);
    assertThat(derived.getEncoded())
        .hasSize(32)
        .isNotEqualTo(MasterKeys.legacyKey(passphrase).getEncoded())
        .isNotEqualTo(MasterKeys.deriveKey(passphrase, "another salt 16b".getBytes()).getEncoded())
        .isEqualTo(MasterKeys.deriveKey(passphrase, SALT).getEncoded());
  }

  @Test
  void a_key_id_names_the_key_without_revealing_it() {
    SecretKey one = MasterKeys.deriveKey("first passphrase 0123", SALT);
    SecretKey two = MasterKeys.deriveKey("second passphrase 0123", SALT);
    assertThat(MasterKeys.idOf(one)).hasSize(16).isEqualTo(MasterKeys.idOf(one));
    assertThat(MasterKeys.idOf(one)).isNotEqualTo(MasterKeys.idOf(two));
  }
}
