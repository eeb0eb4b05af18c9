package vn.cpms.kernel.cases;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;

/** The case was transferred to another area (the statistics keep the area of the report). */
@Revision("1")
public record CaseTransferredEvent(
    CaseId caseId,
    AreaCode fromAreaCode,
    AreaCode toAreaCode,
    @vn.cpms.kernel.privacy.PersonalData String reason,
    Instant transferredAt)
    implements CaseEvent {}
