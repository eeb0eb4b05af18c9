package vn.cpms.command.contacts;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.children.ChildAge;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.contacts.CloseContactCommand;
import vn.cpms.kernel.contacts.ContactCategories;
import vn.cpms.kernel.contacts.ContactClosedEvent;
import vn.cpms.kernel.contacts.ContactEscalatedEvent;
import vn.cpms.kernel.contacts.ContactId;
import vn.cpms.kernel.contacts.ContactOutcome;
import vn.cpms.kernel.contacts.ContactReceivedEvent;
import vn.cpms.kernel.contacts.ContactResult;
import vn.cpms.kernel.contacts.ReceiveContactCommand;

/**
 * A contact with the hotline: received, then either escalated to a commune as a case or closed with
 * an outcome (advice, referral, silent call, …).
 */
@Aggregate
public class Contact {
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  static final int MAX_DURATION_SECONDS = 24 * 3600;

  @AggregateIdentifier private ContactId contactId;
  private boolean summaryErased;
  private ContactReceivedEvent received;
  private CaseId caseId;
  private ChildId childId;
  private ContactOutcome outcome;

  protected Contact() {
    // for Axon: state is rebuilt from events
  }

  /** Receives a contact; the same id with the same content again changes nothing. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public ContactResult handle(ReceiveContactCommand command, Clock clock) {
    if (contactId != null) {
      if (!isSame(command)) {
        throw new RuleViolationException("contact.id-reused", command.contactId());
      }
      return new ContactResult(contactId, false);
    }
    Violations violations = Violations.collect();
    if (command.receivedAt() == null) {
      violations.add("receivedAt", "required");
    } else if (command.receivedAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
      violations.add("receivedAt", "future-date");
    }
    if (command.channel() == null) {
      violations.add("channel", "required");
    }
    if (command.callerType() == null) {
      violations.add("callerType", "required");
    }
    if (command.category() == null) {
      violations.add("category", "required");
    } else if (!ContactCategories.isCategory(command.category())) {
      violations.add("category", "unknown-code", "contact-category");
    } else if (command.subcategory() != null
        && !ContactCategories.isSubcategory(command.category(), command.subcategory())) {
      violations.add("subcategory", "unknown-code", "contact-category");
    }
    if (command.durationSeconds() != null
        && (command.durationSeconds() < 0 || command.durationSeconds() > MAX_DURATION_SECONDS)) {
      violations.add("durationSeconds", "out-of-range", 0, MAX_DURATION_SECONDS);
    }
    if (command.childAgeYears() != null
        && (command.childAgeYears() < 0 || command.childAgeYears() > ChildAge.MAX_REGISTERED_AGE)) {
      violations.add("childAgeYears", "out-of-range", 0, ChildAge.MAX_REGISTERED_AGE);
    }
    violations.throwIfAny();
    apply(
        new ContactReceivedEvent(
            command.contactId(),
            command.receivedAt(),
            command.channel(),
            command.callerType(),
            command.category(),
            command.subcategory(),
            command.areaCode(),
            command.durationSeconds(),
            command.childSex(),
            command.childAgeYears(),
            command.summary(),
            command.callerKey()));
    return new ContactResult(command.contactId(), true);
  }

  @CommandHandler
  void handle(CloseContactCommand command) {
    if (outcome != null) {
      throw new RuleViolationException("contact.closed");
    }
    Violations violations = Violations.collect();
    if (command.outcome() == null) {
      violations.add("outcome", "required");
    } else if (command.outcome() == ContactOutcome.ESCALATED) {
      violations.add("outcome", "escalation-required");
    }
    violations.throwIfAny();
    apply(new ContactClosedEvent(contactId, command.outcome()));
  }

  /**
   * {@code POST /contacts/{id}/erasure}: destroys the key of the contact's summary in the same
   * transaction as the event (issue 17); erasing twice changes nothing.
   */
  @CommandHandler
  void handle(
      vn.cpms.kernel.contacts.EraseContactSummaryCommand command,
      vn.cpms.command.privacy.PersonalDataShredder shredder,
      java.time.Clock clock) {
    if (!summaryErased) {
      shredder.shredSubject(contactId.value());
      apply(new vn.cpms.kernel.contacts.ContactSummaryErasedEvent(contactId, clock.instant()));
    }
  }

  @EventSourcingHandler
  void on(vn.cpms.kernel.contacts.ContactSummaryErasedEvent event) {
    this.summaryErased = true;
  }

  /** Whether an escalation to {@code caseId} was already made (a repeated request). */
  boolean isEscalatedTo(CaseId caseId) {
    return caseId.equals(this.caseId);
  }

  void checkEscalation() {
    if (this.caseId != null) {
      throw new RuleViolationException("contact.escalated");
    }
    if (outcome != null) {
      throw new RuleViolationException("contact.closed");
    }
  }

  /** Records the hand-off; the case itself is reported in the same unit of work. */
  void escalated(CaseId caseId, ChildId childId, AreaCode areaCode) {
    checkEscalation();
    apply(new ContactEscalatedEvent(contactId, caseId, childId, areaCode));
    apply(new ContactClosedEvent(contactId, ContactOutcome.ESCALATED));
  }

  ContactReceivedEvent received() {
    return received;
  }

  ChildId childId() {
    return childId;
  }

  private boolean isSame(ReceiveContactCommand c) {
    ContactReceivedEvent r = received;
    return r.receivedAt().equals(c.receivedAt())
        && r.channel() == c.channel()
        && r.callerType() == c.callerType()
        && Objects.equals(r.category(), c.category())
        && Objects.equals(r.subcategory(), c.subcategory())
        && Objects.equals(r.areaCode(), c.areaCode())
        && Objects.equals(r.durationSeconds(), c.durationSeconds())
        && r.childSex() == c.childSex()
        && Objects.equals(r.childAgeYears(), c.childAgeYears())
        && Objects.equals(r.summary(), c.summary())
        && Objects.equals(r.callerKey(), c.callerKey());
  }

  @EventSourcingHandler
  void on(ContactReceivedEvent event) {
    this.contactId = event.contactId();
    this.received = event;
  }

  @EventSourcingHandler
  void on(ContactEscalatedEvent event) {
    this.caseId = event.caseId();
    this.childId = event.childId();
  }

  @EventSourcingHandler
  void on(ContactClosedEvent event) {
    this.outcome = event.outcome();
  }
}
