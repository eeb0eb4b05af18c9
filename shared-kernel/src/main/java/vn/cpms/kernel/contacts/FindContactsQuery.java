package vn.cpms.kernel.contacts;

import java.time.LocalDate;

/**
 * Contacts received from {@code from} to {@code to} (inclusive dates in Vietnam; {@code null}
 * open), optionally of one category, newest first; answers {@link ContactPage}.
 */
public record FindContactsQuery(
    LocalDate from, LocalDate to, String category, int page, int size) {}
