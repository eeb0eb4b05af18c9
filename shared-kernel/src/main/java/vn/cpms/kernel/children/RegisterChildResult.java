package vn.cpms.kernel.children;

/** What registering a child answers; {@code created} is false for a repeated registration. */
public record RegisterChildResult(ChildId childId, long version, boolean created) {}
