package vn.cpms.kernel.statistics;

import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;

/**
 * A figure of another sector was recorded (replacing any earlier one for the same key) for one
 * plan's indicator, or, with {@code planId} null, for every plan that has {@code indicatorCode}.
 * Revision 2 added {@code planId}; revision-1 events read with it null.
 */
@Revision("2")
public record FigureRecordedEvent(
    AreaCode areaCode,
    int year,
    String indicatorCode,
    Double numerator,
    Double denominator,
    Double value,
    String planId) {}
