package vn.cpms.infra.web.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.cases.CaseView;

/**
 * A case as the REST API shows it; instants in Vietnam time with their offset. {@code caseNumber}
 * (an addition to API.md) is the short number workers read out and search by; {@code planGoals} and
 * {@code planReturn} (additions too) are what the supervisor reads before approving a plan and why
 * a plan was sent back.
 */
public record CaseResource(
    UUID id,
    String caseNumber,
    String status,
    String areaCode,
    String reportedAreaCode,
    String channel,
    OffsetDateTime reportedAt,
    List<String> suspectedForms,
    boolean seriousDanger,
    String description,
    ChildSummary child,
    String assignee,
    String riskLevel,
    Boolean abuseConfirmed,
    List<String> confirmedForms,
    OffsetDateTime initialAssessmentDueAt,
    OffsetDateTime initialAssessmentAt,
    OffsetDateTime planDueAt,
    OffsetDateTime planSubmittedAt,
    OffsetDateTime planApprovedAt,
    List<InterventionResource> interventions,
    LocalDate closedOn,
    String closureReason,
    Overdue overdue,
    UUID contactId,
    long version,
    String planGoals,
    PlanReturn planReturn) {

  /** The last time the supervisor sent the plan back (until a new plan is submitted). */
  public record PlanReturn(OffsetDateTime returnedAt, String returnedBy, String comment) {}

  /** The child's id and the statistical attributes at the report. */
  public record ChildSummary(UUID id, String sex, Integer ageYears) {}

  /** An intervention of the plan with its clock. */
  public record InterventionResource(
      UUID id,
      String type,
      String provider,
      LocalDate dueOn,
      LocalDate completedOn,
      boolean overdue) {}

  /** Which legal clocks have run out on a step not yet done; {@code any} for the worklist badge. */
  public record Overdue(
      boolean initialAssessment, boolean plan, boolean interventions, boolean any) {}

  static CaseResource of(CaseView v) {
    return new CaseResource(
        v.caseId().value(),
        v.caseId().number(),
        v.status().name(),
        v.areaCode().value(),
        v.reportedAreaCode().value(),
        v.channel().name(),
        local(v.reportedAt()),
        v.suspectedForms().stream().map(Enum::name).toList(),
        v.seriousDanger(),
        v.description(),
        new ChildSummary(v.childId().value(), v.childSex().name(), v.childAgeYears()),
        v.assignee(),
        v.riskLevel() == null ? null : v.riskLevel().name(),
        v.abuseConfirmed(),
        v.confirmedForms().stream().map(Enum::name).toList(),
        local(v.initialAssessmentDueAt()),
        local(v.initiallyAssessedAt()),
        local(v.planDueAt()),
        local(v.planSubmittedAt()),
        local(v.planApprovedAt()),
        v.interventions().stream()
            .map(
                i ->
                    new InterventionResource(
                        i.id(),
                        i.type().name(),
                        i.provider(),
                        i.dueOn(),
                        i.completedOn(),
                        i.overdue()))
            .toList(),
        v.closedOn(),
        v.closureReason() == null ? null : v.closureReason().name(),
        new Overdue(
            v.overdue().initialAssessment(),
            v.overdue().plan(),
            v.overdue().interventions(),
            v.overdue().any()),
        v.contactId() == null ? null : v.contactId().value(),
        v.version(),
        v.review().goals(),
        v.review().returnedAt() == null
            ? null
            : new PlanReturn(
                local(v.review().returnedAt()),
                v.review().returnedBy(),
                v.review().returnComment()));
  }

  static OffsetDateTime local(Instant instant) {
    return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
  }
}
