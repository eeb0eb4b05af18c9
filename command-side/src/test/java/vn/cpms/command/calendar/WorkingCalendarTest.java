package vn.cpms.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {
  final WorkingCalendar calendar = WorkingCalendar.standard();

  /**
   * Mùng 1 Tết, 2024–2035, as published in Vietnamese calendars. In 2007 and 2030 the new moon
   * falls shortly before midnight in UTC+7 and after it in UTC+8, so Vietnam's Tết comes one day
   * before China's Spring Festival (18 Feb 2007, 3 Feb 2030).
   */
  @ParameterizedTest(name = "Tết {0} falls on {1}")
  @CsvSource({
    "2007, 2007-02-17",
    "2024, 2024-02-10",
    "2025, 2025-01-29",
    "2026, 2026-02-17",
    "2027, 2027-02-06",
    "2028, 2028-01-26",
    "2029, 2029-02-13",
    "2030, 2030-02-02",
    "2031, 2031-01-23",
    "2032, 2032-02-11",
    "2033, 2033-01-31",
    "2034, 2034-02-19",
    "2035, 2035-02-08"
  })
  void tet_is_the_first_day_of_the_lunar_year(int year, LocalDate expected) {
    assertThat(VietnameseLunarCalendar.tet(year)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "Hùng Kings'' day {0} falls on {1}")
  @CsvSource({"2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26", "2023, 2023-04-29"})
  void hung_kings_day_is_the_10th_day_of_the_3rd_lunar_month(int year, LocalDate expected) {
    assertThat(VietnameseLunarCalendar.toSolar(10, 3, year)).isEqualTo(expected);
  }

  @Test
  void a_leap_month_in_the_year_shifts_later_months() {
    // 2023 had a leap 2nd month, so the 3rd month started on 20 April 2023.
    assertThat(VietnameseLunarCalendar.toSolar(1, 3, 2023)).isEqualTo(LocalDate.of(2023, 4, 20));
  }

  @Test
  void tet_2026_takes_the_last_day_of_the_year_and_the_first_four_days_off() {
    for (LocalDate day :
        List.of(
            LocalDate.of(2026, 2, 16),
            LocalDate.of(2026, 2, 17),
            LocalDate.of(2026, 2, 18),
            LocalDate.of(2026, 2, 19),
            LocalDate.of(2026, 2, 20))) {
      assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
    }
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).isTrue();
  }

  @Test
  void five_working_days_from_the_friday_before_tet_2026_end_after_the_holiday_week() {
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 5))
        .isEqualTo(LocalDate.of(2026, 2, 27));
  }

  @Test
  void fixed_holidays_are_days_off() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 30))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
  }

  @Test
  void a_holiday_on_a_weekend_gives_the_next_working_day_off() {
    // Hùng Kings' day 2026 is Sunday 26 April: Monday 27 April is off.
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 28))).isTrue();
  }

  @Test
  void weekends_are_not_working_days() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();
  }

  @Test
  void configured_swaps_override_the_rule() {
    WorkingCalendar swapped =
        new WorkingCalendar(Set.of(LocalDate.of(2026, 11, 23)), Set.of(LocalDate.of(2026, 11, 21)));
    assertThat(swapped.isWorkingDay(LocalDate.of(2026, 11, 23))).isFalse();
    assertThat(swapped.isWorkingDay(LocalDate.of(2026, 11, 21))).isTrue();
  }
}
