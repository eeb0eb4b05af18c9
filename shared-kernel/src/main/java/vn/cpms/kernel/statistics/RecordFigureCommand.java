package vn.cpms.kernel.statistics;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.cpms.kernel.area.AreaCode;

/**
 * A figure reported by another sector (health, education, justice) for an indicator that cases
 * cannot produce: either {@code numerator} and {@code denominator}, or {@code value}.
 */
public record RecordFigureCommand(
    AreaCode areaCode,
    int year,
    String indicatorCode,
    Double numerator,
    Double denominator,
    Double value) {
  @TargetAggregateIdentifier
  public String figureId() {
    return areaCode + ":" + year + ":" + indicatorCode;
  }
}
