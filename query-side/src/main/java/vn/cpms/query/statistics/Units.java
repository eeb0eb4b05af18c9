package vn.cpms.query.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An indicator's unit (STATISTICS.md revision 2): a percent with 2 decimals, per 1,000 live births
 * or per 100,000 children with 1 decimal, a count, an amount in VND; half-up rounding at the end.
 */
final class Units {
  static final String PERCENT = "PERCENT";
  static final String PER_1000_LIVE_BIRTHS = "PER_1000_LIVE_BIRTHS";
  static final String PER_100000_CHILDREN = "PER_100000_CHILDREN";
  static final String COUNT = "COUNT";
  static final String VND = "VND";

  private Units() {}

  /** {@code numerator / denominator} in the unit ({@code numerator} itself for counts, money). */
  static BigDecimal rate(String unit, double numerator, double denominator) {
    BigDecimal num = BigDecimal.valueOf(numerator);
    if (COUNT.equals(unit) || VND.equals(unit)) {
      return num.setScale(0, RoundingMode.HALF_UP);
    }
    BigDecimal den = BigDecimal.valueOf(denominator);
    return switch (unit == null ? PERCENT : unit) {
      case PER_100000_CHILDREN ->
          num.multiply(BigDecimal.valueOf(100_000)).divide(den, 1, RoundingMode.HALF_UP);
      case PER_1000_LIVE_BIRTHS ->
          num.multiply(BigDecimal.valueOf(1_000)).divide(den, 1, RoundingMode.HALF_UP);
      default -> num.multiply(BigDecimal.valueOf(100)).divide(den, 2, RoundingMode.HALF_UP);
    };
  }

  /** Whether communes' values add up to the area's (counts and amounts; not rates). */
  static boolean summable(String unit) {
    return COUNT.equals(unit) || VND.equals(unit);
  }
}
