package vn.cpms.kernel.registers;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.cpms.kernel.area.AreaCode;

/**
 * Whether a commune is recognised as child-friendly (xã, phường, thị trấn phù hợp với trẻ em) for
 * {@code year}, with the number and date of the decision; replaces any earlier record for that
 * commune and year.
 */
public record RecordChildFriendlyStatusCommand(
    AreaCode communeCode,
    int year,
    boolean childFriendly,
    String decisionNumber,
    LocalDate decidedOn) {
  /** Prefixed: aggregate ids are unique across aggregate types (the population's is area:year). */
  @TargetAggregateIdentifier
  public String statusId() {
    return "child-friendly:" + communeCode + ":" + year;
  }
}
