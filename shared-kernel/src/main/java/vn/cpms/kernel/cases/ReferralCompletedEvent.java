package vn.cpms.kernel.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The provider reported the referred service done. */
@Revision("1")
public record ReferralCompletedEvent(
    CaseId caseId,
    UUID referralId,
    LocalDate completedOn,
    @vn.cpms.kernel.privacy.PersonalData String outcome,
    String completedBy)
    implements CaseEvent {}
