package vn.cpms.kernel.registers;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;

/** A contribution to or a disbursement from an area's child protection fund was recorded. */
@Revision("1")
public record FundEntryRecordedEvent(
    AreaCode areaCode,
    UUID entryId,
    FundEntryKind kind,
    long amountVnd,
    LocalDate on,
    String source,
    String purpose) {}
