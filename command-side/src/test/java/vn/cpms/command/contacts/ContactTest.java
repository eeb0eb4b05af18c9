package vn.cpms.command.contacts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.contacts.CallerType;
import vn.cpms.kernel.contacts.CloseContactCommand;
import vn.cpms.kernel.contacts.ContactClosedEvent;
import vn.cpms.kernel.contacts.ContactId;
import vn.cpms.kernel.contacts.ContactOutcome;
import vn.cpms.kernel.contacts.ContactReceivedEvent;
import vn.cpms.kernel.contacts.ContactResult;
import vn.cpms.kernel.contacts.ReceiveContactCommand;

class ContactTest {
  static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
  static final Instant CALL = Instant.parse("2026-11-23T00:40:00Z");
  final ContactId contactId = ContactId.random();
  AggregateTestFixture<Contact> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Contact.class);
    fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    fixture.registerInjectableResource(
        new vn.cpms.command.privacy.PersonalDataShredder() {
          @Override
          public void shred(java.util.UUID childId) {
            throw new AssertionError("a contact's erasure shreds the contact only");
          }

          @Override
          public void shredSubject(java.util.UUID subject) {
            shredded.add(subject);
          }
        });
  }

  final java.util.List<java.util.UUID> shredded = new java.util.ArrayList<>();

  @Test
  void erasing_a_summary_destroys_the_contacts_key_once() {
    fixture
        .given(received())
        .when(new vn.cpms.kernel.contacts.EraseContactSummaryCommand(contactId))
        .expectEvents(new vn.cpms.kernel.contacts.ContactSummaryErasedEvent(contactId, NOW));
    org.assertj.core.api.Assertions.assertThat(shredded).containsExactly(contactId.value());
    shredded.clear();
    fixture
        .given(received(), new vn.cpms.kernel.contacts.ContactSummaryErasedEvent(contactId, NOW))
        .when(new vn.cpms.kernel.contacts.EraseContactSummaryCommand(contactId))
        .expectNoEvents();
    org.assertj.core.api.Assertions.assertThat(shredded).isEmpty();
  }

  ReceiveContactCommand call(String category, String subcategory) {
    return new ReceiveContactCommand(
        contactId,
        CALL,
        Channel.HOTLINE_111,
        CallerType.NEIGHBOUR,
        category,
        subcategory,
        AreaCode.of("06652"),
        420,
        Sex.FEMALE,
        9,
        "synthetic summary",
        "key-1");
  }

  ContactReceivedEvent received() {
    return new ContactReceivedEvent(
        contactId,
        CALL,
        Channel.HOTLINE_111,
        CallerType.NEIGHBOUR,
        "VIOLENCE",
        "PHYSICAL",
        AreaCode.of("06652"),
        420,
        Sex.FEMALE,
        9,
        "synthetic summary",
        "key-1");
  }

  @Test
  void a_call_about_physical_violence_is_received_with_its_category() {
    fixture
        .givenNoPriorActivity()
        .when(call("VIOLENCE", "PHYSICAL"))
        .expectEvents(received())
        .expectResultMessagePayload(new ContactResult(contactId, true));
  }

  @Test
  void the_same_contact_sent_again_changes_nothing() {
    fixture
        .given(received())
        .when(call("VIOLENCE", "PHYSICAL"))
        .expectNoEvents()
        .expectResultMessagePayload(new ContactResult(contactId, false));
  }

  @Test
  void reusing_a_contact_id_for_another_contact_is_rejected() {
    fixture
        .given(received())
        .when(call("VIOLENCE", "EMOTIONAL"))
        .expectNoEvents()
        .expectException(RuleViolationException.class);
  }

  @Test
  void an_unknown_category_or_a_subcategory_of_another_category_is_invalid() {
    fixture
        .givenNoPriorActivity()
        .when(call("WEATHER", null))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("category=unknown-code"));
    setUp();
    fixture
        .givenNoPriorActivity()
        .when(call("EDUCATION", "PHYSICAL"))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("subcategory=unknown-code"));
  }

  @Test
  void a_call_in_the_future_with_a_negative_duration_and_an_adult_age_is_invalid() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ReceiveContactCommand(
                contactId,
                NOW.plusSeconds(3600),
                Channel.PHONE,
                CallerType.CHILD,
                "INFORMATION",
                null,
                null,
                -5,
                null,
                30,
                null,
                null))
        .expectNoEvents()
        .expectException(InvalidInputException.class)
        .expectExceptionMessage(
            Matchers.allOf(
                Matchers.containsString("receivedAt=future-date"),
                Matchers.containsString("durationSeconds=out-of-range"),
                Matchers.containsString("childAgeYears=out-of-range")));
  }

  @Test
  void closing_a_contact_records_its_outcome_once() {
    fixture
        .given(received())
        .when(new CloseContactCommand(contactId, ContactOutcome.ADVICE_GIVEN))
        .expectEvents(new ContactClosedEvent(contactId, ContactOutcome.ADVICE_GIVEN));
    setUp();
    fixture
        .given(received(), new ContactClosedEvent(contactId, ContactOutcome.ADVICE_GIVEN))
        .when(new CloseContactCommand(contactId, ContactOutcome.NO_ACTION))
        .expectNoEvents()
        .expectExceptionMessage("contact.closed");
  }

  @Test
  void the_escalated_outcome_comes_only_from_an_escalation() {
    fixture
        .given(received())
        .when(new CloseContactCommand(contactId, ContactOutcome.ESCALATED))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("outcome=escalation-required"));
  }
}
