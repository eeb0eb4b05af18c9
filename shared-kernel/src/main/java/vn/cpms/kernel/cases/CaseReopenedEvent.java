package vn.cpms.kernel.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A closed case was reopened; it returns to the step it was closed at. */
@Revision("1")
public record CaseReopenedEvent(
    CaseId caseId, LocalDate reopenedOn, String reason, CaseStatus status) implements CaseEvent {}
