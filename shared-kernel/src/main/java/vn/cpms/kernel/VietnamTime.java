package vn.cpms.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates of the domain are calendar dates in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no DST). */
public final class VietnamTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private VietnamTime() {}

  public static LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZONE);
  }
}
