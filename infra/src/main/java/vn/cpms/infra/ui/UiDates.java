package vn.cpms.infra.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;

/**
 * Dates as Vietnamese write them: {@code dd/MM/yyyy} and {@code dd/MM/yyyy HH:mm}, Vietnam time.
 */
public final class UiDates {
  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d/M/uuuu H:mm").withResolverStyle(ResolverStyle.STRICT);
  public static final DateTimeFormatter SHOW_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  public static final DateTimeFormatter SHOW_DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private UiDates() {}

  /**
   * The date typed in {@code field}; {@code null} when blank (the API then says it is required).
   */
  public static LocalDate date(Violations v, String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip(), DATE);
    } catch (DateTimeParseException e) {
      v.add(field, "invalid-date");
      return null;
    }
  }

  public static OffsetDateTime dateTime(Violations v, String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip().replaceAll("\\s+", " "), DATE_TIME)
          .atZone(VietnamTime.ZONE)
          .toOffsetDateTime();
    } catch (DateTimeParseException e) {
      v.add(field, "invalid-date-time");
      return null;
    }
  }

  public static Integer integer(Violations v, String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      v.add(field, "invalid-number");
      return null;
    }
  }

  /** A decimal as a person types it: {@code 12.5} or {@code 12,5}. */
  public static Double decimal(Violations v, String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(text.strip().replace(",", "."));
    } catch (NumberFormatException e) {
      v.add(field, "invalid-number");
      return null;
    }
  }

  public static Long number(Violations v, String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(text.strip().replace(".", "").replace(",", ""));
    } catch (NumberFormatException e) {
      v.add(field, "invalid-number");
      return null;
    }
  }

  public static String now() {
    return OffsetDateTime.now(VietnamTime.ZONE).format(SHOW_DATE_TIME);
  }

  public static String today() {
    return LocalDate.now(VietnamTime.ZONE).format(SHOW_DATE);
  }
}
