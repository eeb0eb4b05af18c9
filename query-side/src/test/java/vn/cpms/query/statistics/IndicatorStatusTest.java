package vn.cpms.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.cpms.kernel.statistics.Plan;

class IndicatorStatusTest {
  static Plan.Indicator indicator(String direction) {
    return new Plan.Indicator(
        "X", null, "t", "PERCENT", direction, List.of(), "a", "q", null, "FIGURES", null);
  }

  static Optional<Plan.Target> target(double value) {
    return Optional.of(new Plan.Target(2025, value, null, "t"));
  }

  static String status(String direction, Optional<Plan.Target> target, String value, String last) {
    return Indicators.status(
        indicator(direction),
        target,
        value == null ? null : new BigDecimal(value),
        last == null ? null : new BigDecimal(last));
  }

  @Test
  void above_90_percent_is_not_met_by_exactly_90() {
    assertThat(status("ABOVE", target(90), "90.00", null)).isEqualTo("OFF_TRACK");
    assertThat(status("ABOVE", target(90), "90.01", null)).isEqualTo("ON_TRACK");
    assertThat(status("AT_LEAST", target(90), "90.00", null)).isEqualTo("ON_TRACK");
  }

  @Test
  void reduced_every_year_is_met_only_below_last_years_value() {
    assertThat(status("REDUCE_EVERY_YEAR", Optional.empty(), "120.0", "125.0"))
        .isEqualTo("ON_TRACK");
    assertThat(status("REDUCE_EVERY_YEAR", Optional.empty(), "125.0", "125.0"))
        .isEqualTo("OFF_TRACK");
    assertThat(status("REDUCE_EVERY_YEAR", Optional.empty(), "125.0", null))
        .as("nothing to compare with")
        .isEqualTo("NO_DATA");
  }

  @Test
  void rates_follow_the_unit() {
    assertThat(Units.rate("PER_1000_LIVE_BIRTHS", 5, 1000)).isEqualByComparingTo("5.0");
    assertThat(Units.rate("PER_100000_CHILDREN", 2, 1600)).isEqualByComparingTo("125.0");
    assertThat(Units.rate("PERCENT", 3, 1600)).isEqualByComparingTo("0.19");
    assertThat(Units.rate("VND", 5_000_000_000.0, 0)).isEqualByComparingTo("5000000000");
  }
}
