package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, point 6: a statistician enters every figure other sectors report for a plan, an area
 * and a year in one table; a wrong row is marked and nothing is saved; then all are saved at once.
 */
class FiguresEntryIT extends ApplicationIT {
  JsonNode indicator(String code) {
    for (JsonNode i :
        admin().get("/api/v1/indicators?plan=quang-nam-2024&area=68001&year=2024").json()) {
      if (i.get("code").asText().equals(code)) {
        return i;
      }
    }
    throw new AssertionError(code);
  }

  @Test
  void every_figure_of_a_plan_is_entered_in_one_table_all_or_nothing() {
    defineArea("68", "PROVINCE", null);
    defineArea("68001", "COMMUNE", "68");
    defineUser("figures.statistician", "figures-password", "STATISTICIAN", "68");
    FormSession statistician = new FormSession(port);
    assertThat(statistician.signIn("figures.statistician", "figures-password")).isTrue();
    String page =
        statistician
            .get("/statistics/data/figures?plan=quang-nam-2024&area=68001&year=2024")
            .body();
    assertThat(page).contains("data-code=\"T8a\"").contains("data-code=\"T8b\"");

    String choice = "plan=quang-nam-2024&area=68001&year=2024";
    long events = storedEvents();
    var refused =
        statistician.post(
            "/statistics/data/figures",
            choice + "&numerator.T8a=45&denominator.T8a=50&numerator.T8b=many&denominator.T8b=10");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("id=\"figures-problem\"")
        .contains("id=\"figures-error-T8b\"");
    assertThat(refused.body()).doesNotContain("id=\"figures-error-T8a\"");
    assertThat(storedEvents()).as("nothing saved").isEqualTo(events);

    var saved =
        statistician.post(
            "/statistics/data/figures",
            choice + "&numerator.T8a=45&denominator.T8a=50&value.T8b=100");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(storedEvents()).isEqualTo(events + 2);
    JsonNode t8a =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> indicator("T8a"), i -> !i.get("value").isNull());
    assertThat(t8a.get("value").asDouble()).isEqualTo(90.0);
    assertThat(indicator("T8b").get("value").asDouble()).isEqualTo(100.0);
  }
}
