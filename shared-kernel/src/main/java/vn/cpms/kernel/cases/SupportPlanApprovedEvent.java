package vn.cpms.kernel.cases;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A supervisor approved the plan; its interventions' due dates now run. */
@Revision("1")
public record SupportPlanApprovedEvent(CaseId caseId, Instant approvedAt) implements CaseEvent {}
