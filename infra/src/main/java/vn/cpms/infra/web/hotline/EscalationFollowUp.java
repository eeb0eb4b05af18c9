package vn.cpms.infra.web.hotline;

import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseView;
import vn.cpms.kernel.cases.FindCaseQuery;
import vn.cpms.kernel.referrals.FindReferralsQuery;
import vn.cpms.kernel.referrals.ReferralView;

/**
 * What became of an escalated call (issue 20), for the operator who took it: whether the commune
 * took the case up, where it stands, and its referrals (service and answer) — without the case
 * file: no child, no description, no notes.
 */
@Service
public class EscalationFollowUp {
  private final ContactService contacts;
  private final QueryGateway queries;

  public EscalationFollowUp(ContactService contacts, QueryGateway queries) {
    this.contacts = contacts;
    this.queries = queries;
  }

  /**
   * Whether the call became a case; the case's number, status, whether someone handles it, and each
   * referral's service and answer.
   */
  public record FollowUp(
      boolean escalated,
      String caseNumber,
      String caseStatus,
      boolean taken,
      boolean closed,
      List<ReferralState> referrals) {}

  /** A referral as the operator sees it. */
  public record ReferralState(String service, String status) {}

  /** Nothing but {@code escalated: false} for a call not escalated; 404 for one not visible. */
  public FollowUp of(UUID contactId) {
    UUID caseId = contacts.get(contactId).caseId();
    if (caseId == null) {
      return new FollowUp(false, null, null, false, false, List.of());
    }
    CaseView view =
        queries
            .query(
                new FindCaseQuery(new CaseId(caseId)),
                ResponseTypes.optionalInstanceOf(CaseView.class))
            .join()
            .orElse(null);
    List<ReferralState> referrals =
        queries
            .query(
                new FindReferralsQuery(new CaseId(caseId), null),
                ResponseTypes.multipleInstancesOf(ReferralView.class))
            .join()
            .stream()
            .map(r -> new ReferralState(r.service().name(), r.status().name()))
            .toList();
    return new FollowUp(
        true,
        CaseId.number(caseId),
        view == null ? null : view.status().name(),
        view != null && view.assignee() != null,
        view != null && view.status() == vn.cpms.kernel.cases.CaseStatus.CLOSED,
        referrals);
  }
}
