package vn.cpms.infra.web.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.Reference;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.RiskLevel;

/** Bodies of the procedure's steps. Codes are strings so that an unknown code is a 422. */
public final class CaseStepRequests {
  private CaseStepRequests() {}

  /** {@code POST /cases/{id}/assignment}. */
  public record Assignment(@NotBlank @Size(max = 100) @Reference("user") String workerUsername) {}

  /** {@code POST /cases/{id}/initial-assessment}. */
  public record InitialAssessment(
      @NotNull OffsetDateTime assessedAt,
      @NotBlank @Size(max = 20) @Code(value = RiskLevel.class, list = "risk-level")
          String riskLevel,
      @OptionalMember @Size(max = 10_000) @FreeText String emergencyMeasures) {}

  /** {@code POST /cases/{id}/assessment}. */
  public record Assessment(
      @NotNull OffsetDateTime assessedAt,
      @NotNull Boolean abuseConfirmed,
      @OptionalMember @Size(max = 7)
          List<@NotBlank @Size(max = 30) @Code(value = AbuseForm.class, list = "abuse-form") String>
              confirmedForms,
      @OptionalMember @Size(max = 10_000) @FreeText String needs) {}

  /** {@code POST /cases/{id}/plan}. */
  public record Plan(
      @NotNull OffsetDateTime submittedAt,
      @NotBlank @Size(max = 10_000) @FreeText String goals,
      @NotEmpty @Size(max = 50) List<@NotNull @Valid PlannedIntervention> interventions) {}

  /** One intervention of a plan; {@code id} is generated when absent. */
  public record PlannedIntervention(
      @OptionalMember UUID id,
      @NotBlank @Size(max = 30) @Code(value = InterventionType.class, list = "intervention-type")
          String type,
      @NotBlank @Size(max = 300) @FreeText String provider,
      @NotNull LocalDate dueOn) {}

  /** {@code POST /cases/{id}/plan/approval}. */
  public record Approval(@NotNull OffsetDateTime approvedAt) {}

  /** {@code POST /cases/{id}/plan/return}: the plan goes back to the worker with a comment. */
  public record PlanReturn(
      @NotNull OffsetDateTime returnedAt, @NotBlank @Size(max = 2000) @FreeText String comment) {}

  /** {@code POST /cases/{id}/interventions/{interventionId}/completion}. */
  public record Completion(
      @NotNull LocalDate completedOn, @NotBlank @Size(max = 10_000) @FreeText String outcome) {}

  /** {@code POST /cases/{id}/transfer}. */
  public record Transfer(
      @NotBlank @Size(max = 5) @Reference("area") String toAreaCode,
      @NotNull Boolean consentRecorded,
      @NotBlank @Size(max = 10_000) @FreeText String reason) {}

  /** {@code POST /cases/{id}/closure}. */
  public record Closure(
      @NotNull LocalDate closedOn,
      @NotBlank @Size(max = 20) @Code(value = ClosureReason.class, list = "closure-reason")
          String reason) {}

  /** {@code POST /cases/{id}/reopening}. */
  public record Reopening(
      @NotNull LocalDate reopenedOn, @NotBlank @Size(max = 10_000) @FreeText String reason) {}
}
