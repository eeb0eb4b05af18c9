package vn.cpms.kernel.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/**
 * The indicators of {@code plan} ({@code null}: every plan) for {@code area} and a period of {@code
 * year} ({@code from}…{@code to}; the calendar year when {@code null}), as known at {@code asOf};
 * answers a list of {@link IndicatorValue}. Rates use the population of {@code year}.
 *
 * @param coveredAreas {@code area} expanded (everything below it, merged predecessors); {@code
 *     null} with {@code area == null} for every area
 */
public record IndicatorsQuery(
    String plan,
    AreaCode area,
    Set<AreaCode> coveredAreas,
    int year,
    LocalDate from,
    LocalDate to,
    Instant asOf) {
  public IndicatorsQuery(
      String plan, AreaCode area, Set<AreaCode> coveredAreas, int year, Instant asOf) {
    this(plan, area, coveredAreas, year, null, null, asOf);
  }

  public LocalDate periodStart() {
    return from == null ? LocalDate.of(year, 1, 1) : from;
  }

  public LocalDate periodEnd() {
    return to == null ? LocalDate.of(year, 12, 31) : to;
  }
}
