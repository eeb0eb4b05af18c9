package vn.cpms.infra.web.referrals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.referrals.ReferralView;

/** A referral as the API shows it; times in Vietnam time with their offset. */
public record ReferralResource(
    UUID id,
    UUID caseId,
    String caseNumber,
    UUID providerId,
    String providerName,
    String service,
    String status,
    boolean overdue,
    OffsetDateTime referredAt,
    String referredBy,
    OffsetDateTime answerDueAt,
    OffsetDateTime answeredAt,
    String answeredBy,
    String declineReason,
    LocalDate completedOn,
    String outcome,
    String note,
    UUID interventionId) {
  static ReferralResource of(ReferralView r) {
    return new ReferralResource(
        r.referralId(),
        r.caseId().value(),
        CaseId.number(r.caseId().value()),
        r.providerId().value(),
        r.providerName(),
        r.service().name(),
        r.status().name(),
        r.overdue(),
        local(r.referredAt()),
        r.referredBy(),
        local(r.answerDueAt()),
        local(r.answeredAt()),
        r.answeredBy(),
        r.declineReason(),
        r.completedOn(),
        r.outcome(),
        r.note(),
        r.interventionId());
  }

  static OffsetDateTime local(java.time.Instant at) {
    return at == null ? null : at.atZone(VietnamTime.ZONE).toOffsetDateTime();
  }
}
