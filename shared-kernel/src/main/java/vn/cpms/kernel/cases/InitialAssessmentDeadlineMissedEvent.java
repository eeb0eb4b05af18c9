package vn.cpms.kernel.cases;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The initial assessment was not recorded by its deadline. */
@Revision("1")
public record InitialAssessmentDeadlineMissedEvent(CaseId caseId, Instant dueAt)
    implements CaseEvent {}
