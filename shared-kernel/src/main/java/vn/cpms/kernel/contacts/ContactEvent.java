package vn.cpms.kernel.contacts;

/** The events of a hotline contact's stream. */
public sealed interface ContactEvent
    permits ContactReceivedEvent, ContactEscalatedEvent, ContactClosedEvent {
  ContactId contactId();
}
