package vn.cpms.kernel.children;

/** The events of a child's own stream. */
public sealed interface ChildEvent extends vn.cpms.kernel.privacy.DataSubject
    permits ChildRegisteredEvent,
        SpecialCircumstanceIdentifiedEvent,
        SpecialCircumstanceEndedEvent,
        SupportRecordedEvent,
        IncidentRecordedEvent,
        ChildIdentityErasedEvent,
        ChildCaseFollowedEvent {
  ChildId childId();

  @Override
  default java.util.UUID dataSubject() {
    return childId().value();
  }

  @Override
  default java.util.UUID dataOwner() {
    return childId().value();
  }
}
