package vn.cpms.kernel.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A closed case was reopened; it returns to the step it was closed at. */
@Revision("1")
public record CaseReopenedEvent(
    CaseId caseId,
    LocalDate reopenedOn,
    @vn.cpms.kernel.privacy.PersonalData String reason,
    CaseStatus status)
    implements CaseEvent {}
