package vn.cpms.kernel.cases;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The support plan was not submitted by its deadline. */
@Revision("1")
public record SupportPlanDeadlineMissedEvent(CaseId caseId, Instant dueAt) implements CaseEvent {}
