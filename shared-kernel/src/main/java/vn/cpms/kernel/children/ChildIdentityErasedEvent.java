package vn.cpms.kernel.children;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The child's identity was erased: the keys of the child, its cases and the contacts escalated
 * about it are destroyed, so every personal field of their events reads as {@code null}. The
 * statistical attributes stay, and with them every statistic.
 */
@Revision("1")
public record ChildIdentityErasedEvent(ChildId childId, Instant erasedAt) implements ChildEvent {}
