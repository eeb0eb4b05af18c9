package vn.cpms.infra.web.hotline;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import vn.cpms.infra.security.CallerKeys;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.contacts.ContactId;
import vn.cpms.kernel.contacts.ContactPage;
import vn.cpms.kernel.contacts.ContactView;
import vn.cpms.kernel.contacts.FindCallerContactsQuery;

/**
 * A caller's earlier contacts, for the operator's side panel (the other contacts of the caller of
 * the contact on screen, the last 30 days) and for the search of past contacts by phone number. The
 * number is turned into its keyed hash at once and never stored, logged or put in an address; each
 * contact is shown only to those who may open it.
 */
@Service
public class CallerHistory {
  static final int LIMIT = 50;

  private final QueryGateway queries;
  private final CallerScope scope;
  private final CallerKeys callerKeys;
  private final Clock clock;

  public CallerHistory(
      QueryGateway queries, CallerScope scope, CallerKeys callerKeys, Clock clock) {
    this.queries = queries;
    this.scope = scope;
    this.callerKeys = callerKeys;
    this.clock = clock;
  }

  /** The other contacts of the caller of {@code contactId} in the repeat-caller window. */
  public List<ContactService.ContactResource> earlier(UUID contactId) {
    return find(
        new FindCallerContactsQuery(
            null,
            new ContactId(contactId),
            clock.instant().minus(ContactService.REPEAT_WINDOW),
            LIMIT));
  }

  /** Every contact from {@code phone}, newest first (at most 50). */
  public List<ContactService.ContactResource> byPhone(String phone) {
    Violations v = Violations.collect();
    String key = callerKeys.keyOf(phone);
    if (key == null) {
      v.add("phone", "required");
    }
    v.throwIfAny();
    return find(new FindCallerContactsQuery(key, null, null, LIMIT));
  }

  private List<ContactService.ContactResource> find(FindCallerContactsQuery query) {
    return queries.query(query, ResponseTypes.instanceOf(ContactPage.class)).join().items().stream()
        .filter(this::visible)
        .map(ContactService.ContactResource::of)
        .toList();
  }

  private boolean visible(ContactView c) {
    return scope.readsEveryContact() || (c.areaCode() != null && scope.allows(c.areaCode()));
  }
}
