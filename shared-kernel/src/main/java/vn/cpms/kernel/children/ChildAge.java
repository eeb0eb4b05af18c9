package vn.cpms.kernel.children;

import java.time.LocalDate;
import java.time.Period;

/**
 * Ages as STATISTICS.md defines them: completed years on the reference date of a fact, from the
 * birth date when known, else from an estimated birth date (registration reference date minus the
 * declared age in years).
 */
public final class ChildAge {
  /** Ages 0…17 may be registered; a child in the statistics is under 16 (labour: 5–17). */
  public static final int MAX_REGISTERED_AGE = 17;

  private ChildAge() {}

  /** Completed years between {@code birthDate} and {@code on}; negative if born after it. */
  public static int completedYears(LocalDate birthDate, LocalDate on) {
    return Period.between(birthDate, on).getYears();
  }

  public static LocalDate estimatedBirthDate(int ageYears, LocalDate referenceDate) {
    return referenceDate.minusYears(ageYears);
  }

  /** The age group of STATISTICS.md: {@code 0-5}, {@code 6-10}, {@code 11-15}, {@code 16-17}. */
  public static String ageGroup(Integer ageYears) {
    if (ageYears == null || ageYears < 0) {
      return "unknown";
    }
    if (ageYears <= 5) {
      return "0-5";
    }
    if (ageYears <= 10) {
      return "6-10";
    }
    if (ageYears <= 15) {
      return "11-15";
    }
    if (ageYears <= 17) {
      return "16-17";
    }
    return "unknown";
  }
}
