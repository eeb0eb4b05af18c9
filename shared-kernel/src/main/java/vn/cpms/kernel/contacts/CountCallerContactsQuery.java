package vn.cpms.kernel.contacts;

import java.time.Instant;

/**
 * How many contacts came from the caller with {@code callerKey} in {@code [from, to)}; answers a
 * {@link CallerContactCount}.
 */
public record CountCallerContactsQuery(String callerKey, Instant from, Instant to) {}
