package vn.cpms.kernel.contacts;

/** What receiving a contact answers; {@code created} is false when it was sent again. */
public record ContactResult(ContactId contactId, boolean created) {}
