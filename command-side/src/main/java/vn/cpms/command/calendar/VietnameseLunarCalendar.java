package vn.cpms.command.calendar;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

/**
 * Converts dates of the Vietnamese lunar calendar (âm lịch) to the Gregorian calendar, with Hồ Ngọc
 * Đức's astronomical algorithm (new moons and solar terms computed for the UTC+7 meridian, as the
 * Vietnamese calendar is defined). Used for Tết and Hùng Kings' day.
 */
public final class VietnameseLunarCalendar {
  private static final double TIME_ZONE = 7.0;
  private static final double SYNODIC_MONTH = 29.530588853;

  private VietnameseLunarCalendar() {}

  /** The Gregorian date of lunar {@code day}/{@code month} (not leap) of lunar {@code year}. */
  public static LocalDate toSolar(int day, int month, int year) {
    long a11;
    long b11;
    if (month < 11) {
      a11 = lunarMonth11(year - 1);
      b11 = lunarMonth11(year);
    } else {
      a11 = lunarMonth11(year);
      b11 = lunarMonth11(year + 1);
    }
    long k = (long) Math.floor(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
    int off = month - 11;
    if (off < 0) {
      off += 12;
    }
    if (b11 - a11 > 365) {
      int leapOff = leapMonthOffset(a11);
      if (off >= leapOff) {
        off += 1;
      }
    }
    long monthStart = newMoonDay(k + off);
    return fromJulianDay(monthStart + day - 1);
  }

  /** The first day of the lunar year {@code year} (mùng 1 Tết). */
  public static LocalDate tet(int year) {
    return toSolar(1, 1, year);
  }

  static long julianDay(LocalDate date) {
    return date.getLong(JulianFields.JULIAN_DAY);
  }

  static LocalDate fromJulianDay(long jd) {
    return LocalDate.MIN.with(JulianFields.JULIAN_DAY, jd);
  }

  /** Julian day number of the new moon number {@code k}, in local time. */
  static long newMoonDay(long k) {
    return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
  }

  static double newMoon(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double dr = Math.PI / 180;
    double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 = jd1 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
    double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
    c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
    c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
    c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
    c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
    c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
    c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
    double deltaT;
    if (t < -11) {
      deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
    } else {
      deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
    }
    return jd1 + c1 - deltaT;
  }

  /** Sun longitude at the start of local day {@code jdn}, in 30° sectors 0…11. */
  static int sunLongitudeSector(long jdn) {
    return (int) Math.floor(sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI * 6);
  }

  static double sunLongitude(double jdn) {
    double t = (jdn - 2451545.0) / 36525;
    double t2 = t * t;
    double dr = Math.PI / 180;
    double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
    dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
    double l = (l0 + dl) * dr;
    return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
  }

  /** Julian day of the start of the 11th lunar month (the one containing the winter solstice). */
  static long lunarMonth11(int year) {
    long off = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
    long k = (long) Math.floor(off / SYNODIC_MONTH);
    long nm = newMoonDay(k);
    if (sunLongitudeSector(nm) >= 9) {
      nm = newMoonDay(k - 1);
    }
    return nm;
  }

  static int leapMonthOffset(long a11) {
    long k = (long) Math.floor((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
    int last;
    int i = 1;
    int arc = sunLongitudeSector(newMoonDay(k + i));
    do {
      last = arc;
      i++;
      arc = sunLongitudeSector(newMoonDay(k + i));
    } while (arc != last && i < 14);
    return i - 1;
  }
}
