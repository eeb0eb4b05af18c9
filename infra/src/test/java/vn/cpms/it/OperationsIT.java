package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 18: what an operator monitors, and who may read it. */
class OperationsIT extends ApplicationIT {
  @Test
  void prometheus_shows_commands_processors_and_dead_letters_to_a_national_admin_only() {
    UUID child = UUID.randomUUID();
    assertThat(admin().post("/api/v1/children", ChildApiIT.child(child, "Đo Lường Riêng")).status())
        .isEqualTo(201);
    assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(
            new ApiClient(port, "worker.a", "worker.a-password")
                .get("/actuator/prometheus")
                .status())
        .isEqualTo(403);

    ApiClient.Response metrics = admin().get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    String text = metrics.raw().body();
    assertThat(text)
        .contains("cpms_processor_lag_events{processor=\"worklist\"}")
        .contains("cpms_processor_segments_claimed{processor=\"children\"}")
        .contains("cpms_processor_dead_letters{processor=\"children\"}")
        .contains("RegisterChildCommand")
        .contains("commandBus")
        .contains("eventProcessor_capacity")
        .doesNotContain("Đo Lường")
        .doesNotContain("Do Luong");
  }

  @Test
  void health_names_each_processor_for_an_admin_and_only_the_status_for_anyone() {
    JsonNode open = anonymous().get("/actuator/health").json();
    assertThat(open.has("status")).isTrue();
    assertThat(open.has("components")).isFalse();

    JsonNode full = admin().get("/actuator/health").json();
    assertThat(full.get("components").has("db")).isTrue();
    JsonNode processors = full.get("components").get("processors").get("details");
    assertThat(processors.get("worklist").get("lagEvents").isNumber()).isTrue();
    assertThat(processors.get("children").has("deadLetters")).isTrue();
    assertThat(full.get("components").has("deadLetters")).isTrue();
  }
}
