package vn.cpms.kernel.statistics;

import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;

/** A figure of another sector was recorded (replacing any earlier one for the same key). */
@Revision("1")
public record FigureRecordedEvent(
    AreaCode areaCode,
    int year,
    String indicatorCode,
    Double numerator,
    Double denominator,
    Double value) {}
