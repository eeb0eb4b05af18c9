package vn.cpms.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every worker-facing text exists in Vietnamese and in English. */
class MessagesTest {
  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r =
        new InputStreamReader(
            MessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  @Test
  void vietnamese_and_english_have_the_same_keys() throws IOException {
    assertThat(load("messages.properties").keySet())
        .containsExactlyInAnyOrderElementsOf(load("messages_en.properties").keySet());
  }
}
