package vn.cpms.kernel.statistics;

import java.util.List;
import java.util.Map;

/** A measure's total and its rows by the requested dimensions (exact counts, not suppressed). */
public record MeasureResult(long total, List<Row> rows) {
  public MeasureResult {
    rows = List.copyOf(rows);
  }

  /** One combination of dimension values and its count. */
  public record Row(Map<String, String> dimensions, long value) {
    public Row {
      dimensions = Map.copyOf(dimensions);
    }
  }
}
