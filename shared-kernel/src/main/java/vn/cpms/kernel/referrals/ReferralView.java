package vn.cpms.kernel.referrals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.InterventionType;

/**
 * A referral as the case page and the provider's list show it.
 *
 * @param overdue sent and not answered by {@code answerDueAt}
 * @param areaCode the case's area when it was referred
 */
public record ReferralView(
    CaseId caseId,
    UUID referralId,
    ProviderId providerId,
    String providerName,
    InterventionType service,
    ReferralStatus status,
    Instant referredAt,
    String referredBy,
    Instant answerDueAt,
    Instant answeredAt,
    String answeredBy,
    String declineReason,
    LocalDate completedOn,
    String outcome,
    String note,
    boolean overdue,
    AreaCode areaCode,
    UUID interventionId) {}
