package vn.cpms.kernel.contacts;

/** The events of a hotline contact's stream. */
public sealed interface ContactEvent extends vn.cpms.kernel.privacy.DataSubject
    permits ContactReceivedEvent,
        ContactEscalatedEvent,
        ContactClosedEvent,
        ContactSummaryErasedEvent {
  ContactId contactId();

  @Override
  default java.util.UUID dataSubject() {
    return contactId().value();
  }
}
