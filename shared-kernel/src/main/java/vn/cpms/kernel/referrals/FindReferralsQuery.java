package vn.cpms.kernel.referrals;

import vn.cpms.kernel.cases.CaseId;

/**
 * The referrals of a case ({@code caseId}) or to a provider ({@code providerId}), newest first;
 * answers a list of {@link ReferralView}.
 */
public record FindReferralsQuery(CaseId caseId, ProviderId providerId) {}
