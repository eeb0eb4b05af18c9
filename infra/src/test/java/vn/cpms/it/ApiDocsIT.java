package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the OpenAPI document has a title, says what each group of operations does, and declares
 * the HTTP Basic scheme every operation needs, so that Swagger UI can sign in.
 */
class ApiDocsIT extends ApplicationIT {
  @Test
  void the_api_description_has_a_title_descriptions_and_the_basic_scheme() {
    ApiClient.Response docs = anonymous().get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    JsonNode api = docs.json();
    assertThat(api.at("/info/title").asText()).contains("CPMS");
    assertThat(api.at("/info/description").asText()).contains("HTTP Basic");
    assertThat(api.at("/components/securitySchemes/basic/type").asText()).isEqualTo("http");
    assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(api.at("/security/0").has("basic")).isTrue();
    assertThat(api.get("tags")).isNotEmpty();
    for (JsonNode tag : api.get("tags")) {
      assertThat(tag.get("description").asText())
          .as(tag.get("name").asText() + " is described")
          .doesNotStartWith("Operations of");
    }
    assertThat(api.at("/paths/~1api~1v1~1cases~1{id}~1plan~1return/post").isMissingNode())
        .isFalse();
  }
}
