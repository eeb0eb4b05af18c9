package vn.cpms.kernel.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Support for the case was closed. */
@Revision("1")
public record CaseClosedEvent(CaseId caseId, LocalDate closedOn, ClosureReason reason)
    implements CaseEvent {}
