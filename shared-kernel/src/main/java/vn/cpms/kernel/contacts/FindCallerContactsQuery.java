package vn.cpms.kernel.contacts;

import java.time.Instant;

/**
 * The contacts of one caller, newest first, at most {@code limit}: those from the caller with
 * {@code callerKey} (a search by phone number), or, with {@code sameCallerAs}, the caller of that
 * contact (its other contacts: the operator's side panel); since {@code since} ({@code null}: all).
 * Answers {@link ContactPage}. The key is a keyed hash of the number: the number is never stored.
 */
public record FindCallerContactsQuery(
    String callerKey, ContactId sameCallerAs, Instant since, int limit) {}
