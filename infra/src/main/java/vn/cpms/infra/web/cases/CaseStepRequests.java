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
import vn.cpms.infra.web.OptionalMember;

/** Bodies of the procedure's steps. Codes are strings so that an unknown code is a 422. */
public final class CaseStepRequests {
  private CaseStepRequests() {}

  /** {@code POST /cases/{id}/assignment}. */
  public record Assignment(@NotBlank @Size(max = 100) String workerUsername) {}

  /** {@code POST /cases/{id}/initial-assessment}. */
  public record InitialAssessment(
      @NotNull OffsetDateTime assessedAt,
      @NotBlank @Size(max = 30) String riskLevel,
      @OptionalMember @Size(max = 10_000) String emergencyMeasures) {}

  /** {@code POST /cases/{id}/assessment}. */
  public record Assessment(
      @NotNull OffsetDateTime assessedAt,
      @NotNull Boolean abuseConfirmed,
      @OptionalMember @Size(max = 7) List<@NotBlank @Size(max = 30) String> confirmedForms,
      @OptionalMember @Size(max = 10_000) String needs) {}

  /** {@code POST /cases/{id}/plan}. */
  public record Plan(
      @NotNull OffsetDateTime submittedAt,
      @NotBlank @Size(max = 10_000) String goals,
      @NotEmpty @Size(max = 50) List<@NotNull @Valid PlannedIntervention> interventions) {}

  /** One intervention of a plan; {@code id} is generated when absent. */
  public record PlannedIntervention(
      @OptionalMember UUID id,
      @NotBlank @Size(max = 30) String type,
      @NotBlank @Size(max = 300) String provider,
      @NotNull LocalDate dueOn) {}

  /** {@code POST /cases/{id}/plan/approval}. */
  public record Approval(@NotNull OffsetDateTime approvedAt) {}

  /** {@code POST /cases/{id}/interventions/{interventionId}/completion}. */
  public record Completion(
      @NotNull LocalDate completedOn, @NotBlank @Size(max = 10_000) String outcome) {}

  /** {@code POST /cases/{id}/transfer}. */
  public record Transfer(
      @NotBlank @Size(max = 5) String toAreaCode,
      @NotNull Boolean consentRecorded,
      @NotBlank @Size(max = 10_000) String reason) {}

  /** {@code POST /cases/{id}/closure}. */
  public record Closure(@NotNull LocalDate closedOn, @NotBlank @Size(max = 30) String reason) {}

  /** {@code POST /cases/{id}/reopening}. */
  public record Reopening(
      @NotNull LocalDate reopenedOn, @NotBlank @Size(max = 10_000) String reason) {}
}
