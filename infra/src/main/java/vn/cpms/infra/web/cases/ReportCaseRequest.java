package vn.cpms.infra.web.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.cpms.infra.web.OptionalMember;

/** Body of {@code POST /api/v1/cases}. Codes are strings so that an unknown code is a 422. */
public record ReportCaseRequest(
    @OptionalMember UUID id,
    @NotNull OffsetDateTime reportedAt,
    @NotBlank @Size(max = 30) String channel,
    @NotBlank @Size(max = 5) String areaCode,
    @NotNull @Valid ChildRequest child,
    @NotEmpty @Size(max = 7) List<@NotBlank @Size(max = 30) String> suspectedForms,
    @NotNull Boolean seriousDanger,
    @NotBlank @Size(max = 10_000) String description,
    @OptionalMember @Valid ReporterRequest reporter) {

  /** Who reported, when they say. */
  public record ReporterRequest(
      @OptionalMember @Size(max = 200) String fullName,
      @OptionalMember @Size(max = 50) String relation,
      @OptionalMember @Size(max = 30) String phone) {}
}
