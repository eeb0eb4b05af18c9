package vn.cpms.kernel.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An intervention was not completed by the end of its due date. */
@Revision("1")
public record InterventionDeadlineMissedEvent(CaseId caseId, UUID interventionId, LocalDate dueOn)
    implements CaseEvent {}
