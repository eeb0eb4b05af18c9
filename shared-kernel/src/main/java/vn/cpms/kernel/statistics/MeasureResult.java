package vn.cpms.kernel.statistics;

import java.util.List;
import java.util.Map;

/**
 * A measure's total and its rows by the requested dimensions (exact counts, not suppressed).
 * Measures that are shares ({@code initial-assessments-on-time}, {@code plans-on-time}) also give
 * their denominators.
 */
public record MeasureResult(long total, Long denominator, List<Row> rows) {
  public MeasureResult {
    rows = List.copyOf(rows);
  }

  public MeasureResult(long total, List<Row> rows) {
    this(total, null, rows);
  }

  /** One combination of dimension values, its count and (for shares) its denominator. */
  public record Row(Map<String, String> dimensions, long value, Long denominator) {
    public Row {
      dimensions = Map.copyOf(dimensions);
    }

    public Row(Map<String, String> dimensions, long value) {
      this(dimensions, value, null);
    }
  }
}
