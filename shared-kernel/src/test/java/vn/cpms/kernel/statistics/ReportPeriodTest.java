package vn.cpms.kernel.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {
  static Plan plan(List<Plan.ReportWindow> windows) {
    return new Plan(
        "p",
        "f",
        "t",
        "i",
        "n",
        "2024-01-01",
        new Plan.Years(2024, 2030),
        List.of(),
        List.of(),
        windows);
  }

  static final Plan DECREE_09_PLAN = plan(List.of());
  static final Plan MAY_PLAN =
      plan(
          List.of(
              new Plan.ReportWindow("SEMI_ANNUAL", "11-01", true, "04-30", "due before 15/5"),
              new Plan.ReportWindow("ANNUAL", "11-01", true, "10-31", "due before 15/11")));

  @Test
  void by_default_h1_runs_from_15_december_of_the_previous_year_to_14_june() {
    ReportPeriod h1 = ReportPeriod.of(DECREE_09_PLAN, 2026, true, null);
    assertThat(h1.from()).isEqualTo(LocalDate.of(2025, 12, 15));
    assertThat(h1.to()).isEqualTo(LocalDate.of(2026, 6, 14));
    assertThat(h1.window()).isEqualTo(ReportPeriod.Window.DECREE_09);
    assertThat(h1.interim()).isTrue();
  }

  @Test
  void by_default_the_year_runs_from_15_december_of_the_previous_year_to_14_december() {
    ReportPeriod year = ReportPeriod.of(DECREE_09_PLAN, 2026, false, null);
    assertThat(year.from()).isEqualTo(LocalDate.of(2025, 12, 15));
    assertThat(year.to()).isEqualTo(LocalDate.of(2026, 12, 14));
    assertThat(year.interim()).isFalse();
  }

  @Test
  void a_plan_due_in_may_uses_its_own_window_ending_before_the_due_date() {
    ReportPeriod h1 = ReportPeriod.of(MAY_PLAN, 2025, true, null);
    assertThat(h1.from()).isEqualTo(LocalDate.of(2024, 11, 1));
    assertThat(h1.to()).isEqualTo(LocalDate.of(2025, 4, 30));
    assertThat(h1.window()).isEqualTo(ReportPeriod.Window.PLAN);
    assertThat(h1.basis()).isEqualTo("due before 15/5");
  }

  @Test
  void the_statistician_may_choose_decree_09_or_the_calendar_instead() {
    assertThat(ReportPeriod.of(MAY_PLAN, 2025, true, ReportPeriod.Window.DECREE_09).to())
        .isEqualTo(LocalDate.of(2025, 6, 14));
    ReportPeriod calendar = ReportPeriod.of(MAY_PLAN, 2025, false, ReportPeriod.Window.CALENDAR);
    assertThat(calendar.from()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(calendar.to()).isEqualTo(LocalDate.of(2025, 12, 31));
  }

  @Test
  void a_plan_without_a_window_of_its_own_answers_decree_09_for_the_plan_window() {
    assertThat(ReportPeriod.of(DECREE_09_PLAN, 2026, true, ReportPeriod.Window.PLAN).window())
        .isEqualTo(ReportPeriod.Window.DECREE_09);
  }
}
