package vn.cpms.kernel.children;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.cpms.kernel.area.AreaCode;

/** A child's page: identity, special circumstances, support and incidents. */
public record ChildView(
    ChildId childId,
    String fullName,
    LocalDate birthDate,
    LocalDate estimatedBirthDate,
    Sex sex,
    Ethnicity ethnicity,
    boolean disability,
    AreaCode areaCode,
    String address,
    Guardian guardian,
    List<Circumstance> specialCircumstances,
    List<Support> support,
    List<Incident> incidents,
    long version,
    boolean erased,
    List<AreaCode> workingAreas,
    List<CaseLink> cases) {

  /**
   * A case of the child: where it is now and whether it is open. The child is worked by {@code
   * workingAreas}: the communes of its open cases (issue 16).
   */
  public record CaseLink(vn.cpms.kernel.cases.CaseId caseId, AreaCode areaCode, boolean open) {}

  /** A special-circumstance group, open while {@code endedOn} is null. */
  public record Circumstance(
      SpecialCircumstance group, LocalDate identifiedOn, LocalDate endedOn, String endReason) {}

  /** Support given. */
  public record Support(String kind, LocalDate providedOn, Long amountVnd, String note) {}

  /** An incident. */
  public record Incident(
      UUID id,
      IncidentType type,
      LocalDate occurredOn,
      AreaCode areaCode,
      InjuryCause injuryCause,
      boolean fatal,
      String note) {}
}
