package vn.cpms.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every word of the web interface exists in Vietnamese and in English. */
class UiMessagesTest {
  @Test
  void the_web_interface_has_the_same_keys_in_vietnamese_and_english() throws IOException {
    assertThat(MessagesTest.load("ui.properties").keySet())
        .containsExactlyInAnyOrderElementsOf(MessagesTest.load("ui_en.properties").keySet());
  }
}
