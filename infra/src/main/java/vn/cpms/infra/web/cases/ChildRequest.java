package vn.cpms.infra.web.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.Reference;
import vn.cpms.kernel.children.Sex;

/**
 * A child in a request: {@code {id}} for a child already registered, or the registration of a new
 * child ({@code fullName}, {@code birthDate} or {@code ageYears}, {@code sex}, …). Which members a
 * registration requires depends on whether {@code id} is given ({@link CaseRequests#registration});
 * their bounds are declared here.
 */
public record ChildRequest(
    @OptionalMember UUID id,
    @OptionalMember @Size(max = 200) @FreeText String fullName,
    @OptionalMember LocalDate birthDate,
    @OptionalMember @Min(0) @Max(17) Integer ageYears,
    @OptionalMember @Size(max = 10) @Code(value = Sex.class, list = "sex") String sex,
    @OptionalMember @Size(max = 2) @Reference("ethnicity") String ethnicity,
    @OptionalMember Boolean disability,
    @OptionalMember @Size(max = 5) @Reference("area") String areaCode,
    @OptionalMember @Size(max = 500) @FreeText String address,
    @OptionalMember @Valid GuardianRequest guardian) {
  /** The person who takes care of the child. */
  public record GuardianRequest(
      @NotBlank @Size(max = 200) @FreeText String fullName,
      @NotBlank @Size(max = 50) @FreeText String relation,
      @NotBlank @Size(max = 30) @FreeText String phone) {}
}
