package vn.cpms.infra.web.cases;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A child in a request: {@code {id}} for a child already registered, or the registration of a new
 * child ({@code fullName}, {@code birthDate} or {@code ageYears}, {@code sex}, …).
 */
public record ChildRequest(
    UUID id,
    String fullName,
    LocalDate birthDate,
    Integer ageYears,
    String sex,
    String ethnicity,
    Boolean disability,
    String areaCode,
    String address,
    GuardianRequest guardian) {

  /** The person who takes care of the child. */
  public record GuardianRequest(String fullName, String relation, String phone) {}
}
