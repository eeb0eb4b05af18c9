package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A referral was not answered by its due time. */
@Revision("1")
public record ReferralAnswerMissedEvent(CaseId caseId, UUID referralId, Instant dueAt)
    implements CaseEvent {}
