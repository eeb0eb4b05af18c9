package vn.cpms.kernel.contacts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a contact with its outcome. */
public record CloseContactCommand(
    @TargetAggregateIdentifier ContactId contactId, ContactOutcome outcome) {}
