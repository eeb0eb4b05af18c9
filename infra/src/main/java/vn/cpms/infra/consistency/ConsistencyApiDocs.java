package vn.cpms.infra.consistency;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The generated API description documents {@code Consistency-Position} on every operation. */
@Configuration(proxyBeanMethods = false)
public class ConsistencyApiDocs {
  static final String ON_READ =
      "Optional. The Consistency-Position of a command's answer: the read answers only once every"
          + " read model it uses has processed that event-store position (on whichever node), at"
          + " most cpms.consistency.timeout (10 s), then 503 with Retry-After.";
  static final String ON_COMMAND =
      "The event-store position this command's events reached (for an idempotent repeat, the"
          + " first answer's). Send it back on a GET to read your own write.";

  @Bean
  OpenApiCustomizer consistencyPositionHeader() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      openApi.getPaths().values().forEach(ConsistencyApiDocs::document);
    };
  }

  private static void document(PathItem path) {
    if (path.getGet() != null) {
      path.getGet()
          .addParametersItem(
              new HeaderParameter()
                  .name(ReadsFollowWrites.HEADER)
                  .required(false)
                  .description(ON_READ)
                  .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
      path.getGet()
          .getResponses()
          .addApiResponse(
              "503",
              new ApiResponse()
                  .description(
                      "The read models have not reached the Consistency-Position in time;"
                          + " retry after Retry-After seconds (problem+json)."));
    }
    for (Operation command : new Operation[] {path.getPost(), path.getPut()}) {
      if (command == null || command.getResponses() == null) {
        continue;
      }
      command
          .getResponses()
          .forEach(
              (status, response) -> {
                if (status.startsWith("2")) {
                  response.addHeaderObject(
                      ReadsFollowWrites.HEADER,
                      new Header()
                          .description(ON_COMMAND)
                          .schema(new IntegerSchema().format("int64")));
                }
              });
    }
  }
}
