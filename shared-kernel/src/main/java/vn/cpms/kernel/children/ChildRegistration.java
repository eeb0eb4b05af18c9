package vn.cpms.kernel.children;

import java.time.LocalDate;
import java.util.Objects;
import vn.cpms.kernel.area.AreaCode;

/**
 * What is known of a child when first registered. Either {@code birthDate} or {@code ageYears} is
 * given; with only an age, the birth date is estimated from the registration's reference date.
 * {@code fullName}, {@code birthDate}, {@code address} and {@code guardian} are personal data.
 */
public record ChildRegistration(
    @vn.cpms.kernel.privacy.PersonalData String fullName,
    @vn.cpms.kernel.privacy.PersonalData LocalDate birthDate,
    Integer ageYears,
    Sex sex,
    Ethnicity ethnicity,
    boolean disability,
    AreaCode areaCode,
    @vn.cpms.kernel.privacy.PersonalData String address,
    @vn.cpms.kernel.privacy.PersonalData Guardian guardian) {
  public ChildRegistration {
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(ethnicity, "ethnicity");
    Objects.requireNonNull(areaCode, "areaCode");
  }

  /** Never the name, birth date, address or guardian: the statistical attributes only. */
  @Override
  public String toString() {
    return "ChildRegistration[sex="
        + sex
        + ", ethnicity="
        + ethnicity
        + ", disability="
        + disability
        + ", areaCode="
        + areaCode
        + ", personal data hidden]";
  }
}
