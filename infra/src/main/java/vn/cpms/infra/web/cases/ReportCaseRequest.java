package vn.cpms.infra.web.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.Reference;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.Channel;

/** Body of {@code POST /api/v1/cases}. Codes are strings so that an unknown code is a 422. */
public record ReportCaseRequest(
    @OptionalMember UUID id,
    @NotNull OffsetDateTime reportedAt,
    @NotBlank @Size(max = 30) @Code(value = Channel.class, list = "channel") String channel,
    @NotBlank @Size(max = 5) @Reference("area") String areaCode,
    @NotNull @Valid ChildRequest child,
    @NotEmpty @Size(max = 7)
        List<@NotBlank @Size(max = 30) @Code(value = AbuseForm.class, list = "abuse-form") String>
            suspectedForms,
    @NotNull Boolean seriousDanger,
    @NotBlank @Size(max = 10_000) @FreeText String description,
    @OptionalMember @Valid ReporterRequest reporter) {

  /** Who reported, when they say. */
  public record ReporterRequest(
      @OptionalMember @Size(max = 200) @FreeText String fullName,
      @OptionalMember @Size(max = 50) @FreeText String relation,
      @OptionalMember @Size(max = 30) @FreeText String phone) {}
}
