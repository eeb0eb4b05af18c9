package vn.cpms.infra.web.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Bodies of the procedure's steps. Codes are strings so that an unknown code is a 422. */
public final class CaseStepRequests {
  private CaseStepRequests() {}

  /** {@code POST /cases/{id}/assignment}. */
  public record Assignment(String workerUsername) {}

  /** {@code POST /cases/{id}/initial-assessment}. */
  public record InitialAssessment(
      OffsetDateTime assessedAt, String riskLevel, String emergencyMeasures) {}

  /** {@code POST /cases/{id}/assessment}. */
  public record Assessment(
      OffsetDateTime assessedAt,
      Boolean abuseConfirmed,
      List<String> confirmedForms,
      String needs) {}

  /** {@code POST /cases/{id}/plan}. */
  public record Plan(
      OffsetDateTime submittedAt, String goals, List<PlannedIntervention> interventions) {}

  /** One intervention of a plan; {@code id} is generated when absent. */
  public record PlannedIntervention(UUID id, String type, String provider, LocalDate dueOn) {}

  /** {@code POST /cases/{id}/plan/approval}. */
  public record Approval(OffsetDateTime approvedAt) {}

  /** {@code POST /cases/{id}/interventions/{interventionId}/completion}. */
  public record Completion(LocalDate completedOn, String outcome) {}

  /** {@code POST /cases/{id}/transfer}. */
  public record Transfer(String toAreaCode, Boolean consentRecorded, String reason) {}

  /** {@code POST /cases/{id}/closure}. */
  public record Closure(LocalDate closedOn, String reason) {}

  /** {@code POST /cases/{id}/reopening}. */
  public record Reopening(LocalDate reopenedOn, String reason) {}
}
