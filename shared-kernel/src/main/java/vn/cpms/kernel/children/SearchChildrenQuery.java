package vn.cpms.kernel.children;

import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/**
 * Duplicate detection at intake: children whose name contains {@code text} (accents and case
 * ignored) or whose birth date is {@code text} ({@code yyyy-MM-dd}), within {@code areas} ({@code
 * null}: everywhere), at most {@code limit}.
 */
public record SearchChildrenQuery(String text, Set<AreaCode> areas, int limit) {}
