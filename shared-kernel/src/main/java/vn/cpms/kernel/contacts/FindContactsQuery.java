package vn.cpms.kernel.contacts;

import java.time.LocalDate;
import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/**
 * Contacts received from {@code from} to {@code to} (inclusive dates in Vietnam; {@code null}
 * open), optionally of one category, newest first; answers {@link ContactPage}. {@code areas}
 * ({@code null}: all) limits them to contacts about those areas, and {@code includeUnassigned} adds
 * the contacts that have no area yet.
 */
public record FindContactsQuery(
    LocalDate from,
    LocalDate to,
    String category,
    int page,
    int size,
    Set<AreaCode> areas,
    boolean includeUnassigned) {
  /** Every area's contacts, and those not yet given an area. */
  public FindContactsQuery(LocalDate from, LocalDate to, String category, int page, int size) {
    this(from, to, category, page, size, null, true);
  }
}
