package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A support and intervention plan was submitted for approval.
 *
 * @param onTime submitted by the plan deadline
 */
@Revision("1")
public record SupportPlanSubmittedEvent(
    CaseId caseId,
    Instant submittedAt,
    @vn.cpms.kernel.privacy.PersonalData String goals,
    List<Intervention> interventions,
    boolean onTime)
    implements CaseEvent {
  public SupportPlanSubmittedEvent {
    interventions = List.copyOf(interventions);
  }
}
