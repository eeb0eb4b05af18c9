package vn.cpms.kernel.statistics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.cpms.kernel.area.AreaCode;

/**
 * A figure reported by another sector (health, education, justice), or a survey, for one plan's
 * indicator ({@code planId}; {@code null}: every plan that has {@code indicatorCode}), area and
 * year: either {@code numerator} and {@code denominator}, or {@code value}, in the indicator's
 * unit.
 */
public record RecordFigureCommand(
    AreaCode areaCode,
    int year,
    String indicatorCode,
    Double numerator,
    Double denominator,
    Double value,
    String planId) {
  public RecordFigureCommand(
      AreaCode areaCode,
      int year,
      String indicatorCode,
      Double numerator,
      Double denominator,
      Double value) {
    this(areaCode, year, indicatorCode, numerator, denominator, value, null);
  }

  /** One figure per area, year, plan and indicator (the plan-less key is that of revision 1). */
  @TargetAggregateIdentifier
  public String figureId() {
    return figureId(areaCode, year, planId, indicatorCode);
  }

  public static String figureId(AreaCode area, int year, String planId, String indicatorCode) {
    return planId == null
        ? area + ":" + year + ":" + indicatorCode
        : area + ":" + year + ":" + planId + ":" + indicatorCode;
  }
}
