package vn.cpms.kernel.cases;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The case was assigned (or reassigned) to a protection worker. */
@Revision("1")
public record CaseAssignedEvent(CaseId caseId, String workerUsername, Instant assignedAt)
    implements CaseEvent {}
