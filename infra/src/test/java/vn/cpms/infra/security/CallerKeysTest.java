package vn.cpms.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerKeysTest {
  final CallerKeys keys = new CallerKeys("a-test-secret-of-some-length");

  @Test
  void the_same_number_in_any_format_gives_the_same_key() {
    String key = keys.keyOf("0912345678");
    assertThat(keys.keyOf("+84 912 345 678")).isEqualTo(key);
    assertThat(keys.keyOf("091-234-5678")).isEqualTo(key);
    assertThat(keys.keyOf("84912345678")).isEqualTo(key);
  }

  @Test
  void the_key_does_not_contain_the_number_and_depends_on_the_secret() {
    String key = keys.keyOf("0912345678");
    assertThat(key).doesNotContain("912345678").hasSize(64);
    assertThat(new CallerKeys("another-secret-of-some-length").keyOf("0912345678"))
        .isNotEqualTo(key);
    assertThat(keys.keyOf("0912345679")).isNotEqualTo(key);
  }

  @Test
  void no_number_gives_no_key_and_no_secret_refuses_to_start() {
    assertThat(keys.keyOf(null)).isNull();
    assertThat(keys.keyOf("  ")).isNull();
    assertThatThrownBy(() -> new CallerKeys(""))
        .hasMessageContaining("CPMS_HOTLINE_CALLER_KEY_SECRET");
  }
}
