package vn.cpms.kernel.statistics;

/**
 * An indicator's value for an area and year, in the indicator's unit, against the target of the
 * nearest target year at or after it. {@code status}: {@code ON_TRACK}, {@code OFF_TRACK}, {@code
 * NO_DATA} (no denominator or no figure), or {@code NO_TARGET} (the plan states no comparable
 * target). Where a figure stands for an indicator computed from cases (a survey), {@code
 * casesNumerator} and {@code casesValue} give the case-derived figures beside it; a figure rolled
 * up from communes gives how many communes it covers of how many.
 */
public record IndicatorValue(
    String plan,
    String code,
    String title,
    String unit,
    Double target,
    Double targetTo,
    Integer targetYear,
    String direction,
    Double numerator,
    Double denominator,
    Double value,
    String status,
    String source,
    String measure,
    Double casesNumerator,
    Double casesValue,
    Integer communesCovered,
    Integer communes) {}
