package vn.cpms.kernel.contacts;

/** The answer to {@link CountCallerContactsQuery}. */
public record CallerContactCount(long count) {}
