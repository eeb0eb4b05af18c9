package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.referrals.ProviderId;

/**
 * The case was referred to a provider for a service; the provider answers by {@code answerDueAt}.
 */
@Revision("1")
public record CaseReferredEvent(
    CaseId caseId,
    UUID referralId,
    ProviderId providerId,
    InterventionType service,
    @vn.cpms.kernel.privacy.PersonalData String note,
    Instant referredAt,
    Instant answerDueAt)
    implements CaseEvent {}
