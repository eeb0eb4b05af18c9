package vn.cpms.kernel.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An intervention of the approved plan was carried out.
 *
 * @param allCompleted every intervention of the plan is now completed
 */
@Revision("1")
public record InterventionCompletedEvent(
    CaseId caseId,
    UUID interventionId,
    LocalDate completedOn,
    @vn.cpms.kernel.privacy.PersonalData String outcome,
    boolean allCompleted)
    implements CaseEvent {}
