package vn.cpms.kernel.cases;

import java.util.List;

/** Counts of persons suspected of abuse by one dimension, largest first. */
public record AbuserFigures(String by, List<Row> rows, long total) {
  public AbuserFigures {
    rows = List.copyOf(rows);
  }

  /** One group and how many persons fall in it. */
  public record Row(String group, long count) {}
}
