package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The provider declined the referral; the reason may name the child (personal data). */
@Revision("1")
public record ReferralDeclinedEvent(
    CaseId caseId,
    UUID referralId,
    Instant answeredAt,
    @vn.cpms.kernel.privacy.PersonalData String reason,
    String answeredBy)
    implements CaseEvent {}
