package vn.cpms.infra.web.cases;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/v1/cases}. Codes are strings so that an unknown code is a 422. */
public record ReportCaseRequest(
    UUID id,
    OffsetDateTime reportedAt,
    String channel,
    String areaCode,
    ChildRequest child,
    List<String> suspectedForms,
    Boolean seriousDanger,
    String description,
    ReporterRequest reporter) {

  /** Who reported, when they say. */
  public record ReporterRequest(String fullName, String relation, String phone) {}
}
