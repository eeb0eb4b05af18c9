package vn.cpms.command.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.cpms.kernel.VietnamTime;

class CaseDeadlinesTest {
  final CaseDeadlines deadlines = new CaseDeadlines(3);

  static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
  }

  @Test
  void serious_danger_gives_12_hours_whatever_the_day() {
    Instant saturdayNight = Instant.parse("2026-11-21T15:30:00Z"); // Sat 22:30 in Vietnam
    assertThat(deadlines.initialAssessmentDue(saturdayNight, true))
        .isEqualTo(Instant.parse("2026-11-22T03:30:00Z"));
  }

  @Test
  void a_report_on_monday_is_due_at_the_end_of_thursday() {
    Instant monday = Instant.parse("2026-11-23T02:00:00Z");
    assertThat(deadlines.initialAssessmentDue(monday, false))
        .isEqualTo(endOf(LocalDate.of(2026, 11, 26)));
  }

  @Test
  void the_weekend_does_not_count() {
    Instant thursday = Instant.parse("2026-11-19T02:00:00Z");
    assertThat(deadlines.initialAssessmentDue(thursday, false))
        .isEqualTo(endOf(LocalDate.of(2026, 11, 24)));
  }

  @Test
  void the_report_date_is_the_date_in_vietnam_not_in_utc() {
    Instant fridayEveningUtcIsSaturdayInVietnam = Instant.parse("2026-11-20T18:00:00Z");
    assertThat(deadlines.initialAssessmentDue(fridayEveningUtcIsSaturdayInVietnam, false))
        .isEqualTo(endOf(LocalDate.of(2026, 11, 25)));
  }
}
