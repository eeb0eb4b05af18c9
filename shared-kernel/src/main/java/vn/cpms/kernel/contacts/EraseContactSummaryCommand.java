package vn.cpms.kernel.contacts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Destroys the key of a hotline contact's summary (issue 17): the summary is unreadable for good.
 */
public record EraseContactSummaryCommand(@TargetAggregateIdentifier ContactId contactId) {}
