package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.referrals.ProviderId;

/**
 * The case was referred to a provider for a service; the provider answers by {@code answerDueAt}.
 * {@code interventionId} names the plan's intervention the referral carries out, if any.
 */
@Revision("1")
public record CaseReferredEvent(
    CaseId caseId,
    UUID referralId,
    ProviderId providerId,
    InterventionType service,
    @vn.cpms.kernel.privacy.PersonalData String note,
    Instant referredAt,
    Instant answerDueAt,
    UUID interventionId)
    implements CaseEvent {
  /** A referral not tied to an intervention of the plan. */
  public CaseReferredEvent(
      CaseId caseId,
      UUID referralId,
      vn.cpms.kernel.referrals.ProviderId providerId,
      InterventionType service,
      String note,
      Instant referredAt,
      Instant answerDueAt) {
    this(caseId, referralId, providerId, service, note, referredAt, answerDueAt, null);
  }
}
