package vn.cpms.kernel.contacts;

import java.time.Instant;

/**
 * How many other contacts than {@code except} came from the caller with {@code callerKey} in {@code
 * [from, to]} (a call-back in the same minute counts); answers a {@link CallerContactCount}.
 */
public record CountCallerContactsQuery(
    String callerKey, Instant from, Instant to, ContactId except) {}
