package vn.cpms.kernel.registers;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;

/** A commune's child-friendly status for a year was recorded (replacing an earlier one). */
@Revision("1")
public record ChildFriendlyStatusRecordedEvent(
    AreaCode communeCode,
    int year,
    boolean childFriendly,
    String decisionNumber,
    LocalDate decidedOn) {}
