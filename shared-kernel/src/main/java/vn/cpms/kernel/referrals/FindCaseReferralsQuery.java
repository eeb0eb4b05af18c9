package vn.cpms.kernel.referrals;

import java.util.Set;
import vn.cpms.kernel.cases.CaseId;

/** The referrals of several cases at once (a worker's inbox); a list of {@link ReferralView}. */
public record FindCaseReferralsQuery(Set<CaseId> caseIds) {
  public FindCaseReferralsQuery {
    caseIds = Set.copyOf(caseIds);
  }
}
