package vn.cpms.command.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import vn.cpms.kernel.VietnamTime;

/**
 * The legal clocks of Decree 56/2017: the initial assessment is due 12 hours after the report when
 * the child is in serious danger, otherwise at the end of the configured number of working days
 * after the report date.
 *
 * <p>Working days here skip Saturdays and Sundays only; the public-holiday calendar (Tết and Hùng
 * Kings' day included) is part of the case-lifecycle work.
 */
public final class CaseDeadlines {
  public static final Duration SERIOUS_DANGER_LIMIT = Duration.ofHours(12);

  private final int initialAssessmentWorkingDays;

  public CaseDeadlines(int initialAssessmentWorkingDays) {
    if (initialAssessmentWorkingDays < 1) {
      throw new IllegalArgumentException("initialAssessmentWorkingDays must be positive");
    }
    this.initialAssessmentWorkingDays = initialAssessmentWorkingDays;
  }

  public Instant initialAssessmentDue(Instant reportedAt, boolean seriousDanger) {
    if (seriousDanger) {
      return reportedAt.plus(SERIOUS_DANGER_LIMIT);
    }
    LocalDate day = VietnamTime.dateOf(reportedAt);
    int remaining = initialAssessmentWorkingDays;
    while (remaining > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        remaining--;
      }
    }
    ZonedDateTime endOfDay = day.plusDays(1).atStartOfDay(VietnamTime.ZONE);
    return endOfDay.toInstant();
  }

  static boolean isWorkingDay(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY, SUNDAY -> false;
      default -> true;
    };
  }
}
