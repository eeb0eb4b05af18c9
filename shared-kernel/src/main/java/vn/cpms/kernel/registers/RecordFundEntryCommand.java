package vn.cpms.kernel.registers;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.cpms.kernel.area.AreaCode;

/**
 * A contribution to, or a disbursement from, an area's child protection fund (Quỹ Bảo trợ trẻ em):
 * a whole amount in VND on a date, with where it came from ({@code source}) or what it paid for
 * ({@code purpose}). Idempotent by {@code entryId}.
 */
public record RecordFundEntryCommand(
    AreaCode areaCode,
    UUID entryId,
    FundEntryKind kind,
    long amountVnd,
    LocalDate on,
    String source,
    String purpose) {
  @TargetAggregateIdentifier
  public String fundId() {
    return "fund:" + areaCode;
  }
}
