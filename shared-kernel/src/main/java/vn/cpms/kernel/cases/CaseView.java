package vn.cpms.kernel.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.contacts.ContactId;

/**
 * A case as the worklist and the case page show it: where it stands, its legal clocks and whether
 * they ran out.
 *
 * @param areaCode the area responsible now (changes on transfer)
 * @param reportedAreaCode the area of the report (statistics keep it)
 * @param version the sequence number of the case's last event, for {@code If-Match}
 * @param review the current plan's goals and, when the supervisor sent it back, why
 */
public record CaseView(
    CaseId caseId,
    ChildId childId,
    CaseStatus status,
    AreaCode areaCode,
    AreaCode reportedAreaCode,
    Channel channel,
    Instant reportedAt,
    List<AbuseForm> suspectedForms,
    boolean seriousDanger,
    String description,
    Sex childSex,
    Integer childAgeYears,
    String assignee,
    RiskLevel riskLevel,
    Boolean abuseConfirmed,
    List<AbuseForm> confirmedForms,
    Instant initialAssessmentDueAt,
    Instant initiallyAssessedAt,
    Instant planDueAt,
    Instant planSubmittedAt,
    Instant planApprovedAt,
    List<InterventionView> interventions,
    LocalDate closedOn,
    ClosureReason closureReason,
    Overdue overdue,
    ContactId contactId,
    long version,
    PlanReview review) {

  /**
   * What the supervisor reads before approving: the plan's goals; and the last time a plan was sent
   * back, by whom and what to change (kept until the next plan is submitted).
   */
  public record PlanReview(
      String goals, Instant returnedAt, String returnedBy, String returnComment) {
    public static final PlanReview NONE = new PlanReview(null, null, null, null);
  }

  /** An intervention of the plan and its clock. */
  public record InterventionView(
      java.util.UUID id,
      InterventionType type,
      String provider,
      LocalDate dueOn,
      LocalDate completedOn,
      boolean overdue) {}

  /** Which legal clocks have run out on a step not yet done. */
  public record Overdue(boolean initialAssessment, boolean plan, boolean interventions) {
    public boolean any() {
      return initialAssessment || plan || interventions;
    }
  }
}
