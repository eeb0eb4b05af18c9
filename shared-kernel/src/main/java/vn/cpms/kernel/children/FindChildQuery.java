package vn.cpms.kernel.children;

/** One child's page; answers {@code Optional<ChildView>}. */
public record FindChildQuery(ChildId childId) {}
