package vn.cpms.kernel.children;

/** The events of a child's own stream. */
public sealed interface ChildEvent permits ChildRegisteredEvent {
  ChildId childId();
}
