package vn.cpms.kernel.contacts;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The contact's summary was erased: its key is destroyed, so the summary reads as nothing in the
 * events and the read models; the contact's codes and statistics stay.
 */
@Revision("1")
public record ContactSummaryErasedEvent(ContactId contactId, Instant erasedAt)
    implements ContactEvent {}
