package vn.cpms.kernel.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/**
 * A measure of STATISTICS.md for an inclusive period, as known at {@code asOf}, broken down by
 * {@code by}; answers {@link MeasureResult}.
 *
 * @param areas the areas whose facts count, already expanded (everything below, predecessors);
 *     {@code null} for every area
 */
public record MeasureQuery(
    String measure,
    Set<AreaCode> areas,
    LocalDate from,
    LocalDate to,
    Instant asOf,
    List<String> by) {
  public MeasureQuery {
    areas = areas == null ? null : Set.copyOf(areas);
    by = List.copyOf(by);
  }
}
