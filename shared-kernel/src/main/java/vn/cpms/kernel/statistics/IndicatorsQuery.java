package vn.cpms.kernel.statistics;

import java.time.Instant;
import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/**
 * The indicators of {@code plan} ({@code null}: every plan) for {@code area} and the calendar
 * {@code year}, as known at {@code asOf}; answers a list of {@link IndicatorValue}.
 *
 * @param coveredAreas {@code area} expanded (everything below it, merged predecessors); {@code
 *     null} with {@code area == null} for every area
 */
public record IndicatorsQuery(
    String plan, AreaCode area, Set<AreaCode> coveredAreas, int year, Instant asOf) {}
