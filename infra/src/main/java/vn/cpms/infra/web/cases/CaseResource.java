package vn.cpms.infra.web.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.cases.CaseView;

/** A case as the REST API shows it; instants in Vietnam time with their offset. */
public record CaseResource(
    UUID id,
    String status,
    String areaCode,
    String channel,
    OffsetDateTime reportedAt,
    List<String> suspectedForms,
    boolean seriousDanger,
    String description,
    ChildSummary child,
    String assignee,
    OffsetDateTime initialAssessmentDueAt,
    Overdue overdue,
    UUID contactId,
    long version) {

  /** The child's id and the statistical attributes at the report. */
  public record ChildSummary(UUID id, String sex, Integer ageYears) {}

  /** Which legal clocks have run out. */
  public record Overdue(boolean initialAssessment) {}

  static CaseResource of(CaseView v) {
    return new CaseResource(
        v.caseId().value(),
        v.status().name(),
        v.areaCode().value(),
        v.channel().name(),
        local(v.reportedAt()),
        v.suspectedForms().stream().map(Enum::name).toList(),
        v.seriousDanger(),
        v.description(),
        new ChildSummary(v.childId().value(), v.childSex().name(), v.childAgeYears()),
        v.assignee(),
        local(v.initialAssessmentDueAt()),
        new Overdue(v.initialAssessmentOverdue()),
        v.contactId() == null ? null : v.contactId().value(),
        v.version());
  }

  static OffsetDateTime local(Instant instant) {
    return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
  }
}
