package vn.cpms.command.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Working days of Vietnamese public administration: Monday to Friday, except the public holidays of
 * the Labour Code 2019 (art. 112): New Year's day (1 Jan), Tết (the last day of the lunar year and
 * the first four days of the new one), Hùng Kings' day (10th day of the 3rd lunar month),
 * Reunification day (30 Apr), Labour day (1 May) and National day (2 Sep and 3 Sep). A holiday that
 * falls on a Saturday or Sunday gives the next working day off (art. 112(3)).
 *
 * <p>The exact days off around Tết and National day are fixed each year by the Prime Minister; the
 * configured extra days off and extra working days (swapped days) adjust the computed rule.
 */
public final class WorkingCalendar {
  private final Set<LocalDate> extraDaysOff;
  private final Set<LocalDate> extraWorkingDays;
  private final ConcurrentMap<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  public WorkingCalendar(
      Collection<LocalDate> extraDaysOff, Collection<LocalDate> extraWorkingDays) {
    this.extraDaysOff = Set.copyOf(extraDaysOff);
    this.extraWorkingDays = Set.copyOf(extraWorkingDays);
  }

  public static WorkingCalendar standard() {
    return new WorkingCalendar(Set.of(), Set.of());
  }

  public boolean isWorkingDay(LocalDate day) {
    if (extraWorkingDays.contains(day)) {
      return true;
    }
    if (extraDaysOff.contains(day)) {
      return false;
    }
    if (isWeekend(day)) {
      return false;
    }
    return !daysOff(day.getYear()).contains(day)
        && !daysOff(day.getYear() + 1).contains(day)
        && !daysOff(day.getYear() - 1).contains(day);
  }

  /** The {@code n}th working day after {@code day} ({@code day} itself not counted). */
  public LocalDate addWorkingDays(LocalDate day, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative");
    }
    LocalDate result = day;
    int remaining = n;
    while (remaining > 0) {
      result = result.plusDays(1);
      if (isWorkingDay(result)) {
        remaining--;
      }
    }
    return result;
  }

  /** The public holidays whose rule belongs to {@code year} (Tết may start on 31 Dec before). */
  public Set<LocalDate> holidays(int year) {
    Set<LocalDate> days = new TreeSet<>();
    days.add(LocalDate.of(year, 1, 1));
    LocalDate tet = VietnameseLunarCalendar.tet(year);
    for (int i = -1; i <= 3; i++) {
      days.add(tet.plusDays(i));
    }
    days.add(VietnameseLunarCalendar.toSolar(10, 3, year));
    days.add(LocalDate.of(year, 4, 30));
    days.add(LocalDate.of(year, 5, 1));
    days.add(LocalDate.of(year, 9, 2));
    days.add(LocalDate.of(year, 9, 3));
    return days;
  }

  /** Holidays plus the compensating days for holidays on a weekend. */
  private Set<LocalDate> daysOff(int year) {
    return holidaysByYear.computeIfAbsent(
        year,
        y -> {
          Set<LocalDate> holidays = holidays(y);
          Set<LocalDate> off = new TreeSet<>(holidays);
          for (LocalDate holiday : holidays) {
            if (isWeekend(holiday)) {
              LocalDate compensation = holiday.plusDays(1);
              while (isWeekend(compensation) || off.contains(compensation)) {
                compensation = compensation.plusDays(1);
              }
              off.add(compensation);
            }
          }
          return Set.copyOf(off);
        });
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
