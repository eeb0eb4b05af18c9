package vn.cpms.kernel.cases;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A supervisor sent the submitted plan back to the worker: the case is assessed again and waits for
 * a new plan; the comment says what to change (personal data: it may name the child).
 */
@Revision("1")
public record SupportPlanReturnedEvent(
    CaseId caseId,
    Instant returnedAt,
    @vn.cpms.kernel.privacy.PersonalData String comment,
    String returnedBy)
    implements CaseEvent {}
