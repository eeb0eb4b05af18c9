package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.contacts.ContactId;

/**
 * A suspected case of child abuse was reported and the procedure started (Decree 56/2017 art. 21:
 * receipt of the report).
 *
 * @param areaCode the commune (or district) the case belongs to at report; statistics never move
 *     it, even after a transfer
 * @param suspectedForms sorted, without duplicates
 * @param child the child's sex, age in completed years at {@code reportedAt}, ethnicity and
 *     disability, kept in clear for the statistics
 * @param initialAssessmentDueAt 12 hours after the report when the child is in serious danger,
 *     otherwise the configured number of working days
 * @param contactId the hotline contact this case was escalated from, if any
 */
@Revision("1")
public record CaseReportedEvent(
    CaseId caseId,
    ChildId childId,
    Instant reportedAt,
    Channel channel,
    AreaCode areaCode,
    List<AbuseForm> suspectedForms,
    boolean seriousDanger,
    @vn.cpms.kernel.privacy.PersonalData String description,
    @vn.cpms.kernel.privacy.PersonalData Reporter reporter,
    ChildFacts child,
    Instant initialAssessmentDueAt,
    ContactId contactId)
    implements CaseEvent {
  @Override
  public java.util.UUID dataOwner() {
    return childId.value();
  }

  public CaseReportedEvent {
    suspectedForms = List.copyOf(suspectedForms);
  }
}
