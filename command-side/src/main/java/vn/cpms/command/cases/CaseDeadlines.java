package vn.cpms.command.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import vn.cpms.command.calendar.WorkingCalendar;
import vn.cpms.kernel.VietnamTime;

/**
 * The legal clocks of Decree 56/2017. The initial assessment is due {@code seriousDangerLimit} (12
 * hours) after the report when the child is in serious danger, otherwise at the end of the {@code
 * initialAssessmentWorkingDays}th working day after the report date; the support plan at the end of
 * the {@code planWorkingDays}th working day after the initial assessment; an intervention at the
 * end of its due date. Days end at midnight in Vietnam.
 */
public final class CaseDeadlines {
  public static final Duration SERIOUS_DANGER_LIMIT = Duration.ofHours(12);

  private final WorkingCalendar calendar;
  private final Duration seriousDangerLimit;
  private final int initialAssessmentWorkingDays;
  private final int planWorkingDays;

  public CaseDeadlines(
      WorkingCalendar calendar,
      Duration seriousDangerLimit,
      int initialAssessmentWorkingDays,
      int planWorkingDays) {
    if (seriousDangerLimit.isNegative() || seriousDangerLimit.isZero()) {
      throw new IllegalArgumentException("seriousDangerLimit must be positive");
    }
    if (initialAssessmentWorkingDays < 1 || planWorkingDays < 1) {
      throw new IllegalArgumentException("working-day limits must be positive");
    }
    this.calendar = calendar;
    this.seriousDangerLimit = seriousDangerLimit;
    this.initialAssessmentWorkingDays = initialAssessmentWorkingDays;
    this.planWorkingDays = planWorkingDays;
  }

  /** Decree 56/2017: 12 hours, 3 working days, 5 working days. */
  public static CaseDeadlines standard() {
    return new CaseDeadlines(WorkingCalendar.standard(), SERIOUS_DANGER_LIMIT, 3, 5);
  }

  public Instant initialAssessmentDue(Instant reportedAt, boolean seriousDanger) {
    if (seriousDanger) {
      return reportedAt.plus(seriousDangerLimit);
    }
    return endOf(
        calendar.addWorkingDays(VietnamTime.dateOf(reportedAt), initialAssessmentWorkingDays));
  }

  public Instant planDue(Instant initialAssessmentAt) {
    return endOf(calendar.addWorkingDays(VietnamTime.dateOf(initialAssessmentAt), planWorkingDays));
  }

  /**
   * A referral's answer is due at the end of the {@value #REFERRAL_ANSWER_WORKING_DAYS}nd working
   * day after it was sent (Decree 56/2017 sets no limit; the plans ask for timely referral: two
   * working days, written down in docs/statistics.md), or within 12 hours for a child in serious
   * danger.
   */
  public Instant referralAnswerDue(Instant referredAt, boolean seriousDanger) {
    if (seriousDanger) {
      return referredAt.plus(seriousDangerLimit);
    }
    return endOf(
        calendar.addWorkingDays(VietnamTime.dateOf(referredAt), REFERRAL_ANSWER_WORKING_DAYS));
  }

  static final int REFERRAL_ANSWER_WORKING_DAYS = 2;

  public Instant interventionDue(LocalDate dueOn) {
    return endOf(dueOn);
  }

  static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
  }
}
