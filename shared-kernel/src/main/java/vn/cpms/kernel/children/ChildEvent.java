package vn.cpms.kernel.children;

/** The events of a child's own stream. */
public sealed interface ChildEvent
    permits ChildRegisteredEvent,
        SpecialCircumstanceIdentifiedEvent,
        SpecialCircumstanceEndedEvent,
        SupportRecordedEvent,
        IncidentRecordedEvent {
  ChildId childId();
}
