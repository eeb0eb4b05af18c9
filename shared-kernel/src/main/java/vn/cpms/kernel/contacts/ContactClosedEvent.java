package vn.cpms.kernel.contacts;

import org.axonframework.serialization.Revision;

/** The contact was closed with an outcome. */
@Revision("1")
public record ContactClosedEvent(ContactId contactId, ContactOutcome outcome)
    implements ContactEvent {}
