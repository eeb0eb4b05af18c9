package vn.cpms.kernel.contacts;

/** One contact; answers {@code Optional<ContactView>}. */
public record FindContactQuery(ContactId contactId) {}
