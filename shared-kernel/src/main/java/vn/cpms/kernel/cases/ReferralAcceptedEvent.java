package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The provider took the referred child in. */
@Revision("1")
public record ReferralAcceptedEvent(
    CaseId caseId, UUID referralId, Instant answeredAt, String answeredBy) implements CaseEvent {}
