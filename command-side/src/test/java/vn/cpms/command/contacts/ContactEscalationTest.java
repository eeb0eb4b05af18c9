package vn.cpms.command.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cpms.command.cases.CaseDeadlines;
import vn.cpms.command.cases.CaseIntake;
import vn.cpms.command.cases.ChildCase;
import vn.cpms.command.children.Child;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.contacts.CallerType;
import vn.cpms.kernel.contacts.CloseContactCommand;
import vn.cpms.kernel.contacts.ContactClosedEvent;
import vn.cpms.kernel.contacts.ContactEscalatedEvent;
import vn.cpms.kernel.contacts.ContactId;
import vn.cpms.kernel.contacts.ContactOutcome;
import vn.cpms.kernel.contacts.EscalateContactCommand;
import vn.cpms.kernel.contacts.EscalationResult;
import vn.cpms.kernel.contacts.ReceiveContactCommand;

/** Escalation across three aggregates, through a real (in-memory) Axon configuration. */
class ContactEscalationTest {
  // The deadline manager runs on the real clock: the 12-hour clock must not run out mid-test.
  static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
  static final Instant CALL = NOW.minusSeconds(20 * 60);
  static final AreaCode COMMUNE = AreaCode.of("06652");

  Configuration axon;
  CommandGateway commands;
  final ContactId contactId = ContactId.random();
  final CaseId caseId = CaseId.random();
  final ChildId childId = ChildId.random();

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CaseDeadlines deadlines = CaseDeadlines.standard();
    axon =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .registerComponent(Clock.class, c -> clock)
            .registerComponent(CaseDeadlines.class, c -> deadlines)
            .registerComponent(
                DeadlineManager.class,
                c ->
                    SimpleDeadlineManager.builder()
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(c))
                        .build())
            .configureAggregate(Contact.class)
            .configureAggregate(ChildCase.class)
            .configureAggregate(Child.class)
            .registerCommandHandler(
                c ->
                    new CaseIntake(
                        c.repository(ChildCase.class), c.repository(Child.class), deadlines, clock))
            .registerCommandHandler(
                c ->
                    new ContactEscalation(
                        c.repository(Contact.class),
                        new CaseIntake(
                            c.repository(ChildCase.class),
                            c.repository(Child.class),
                            deadlines,
                            clock)))
            .buildConfiguration();
    axon.start();
    commands = axon.commandGateway();
    commands.sendAndWait(
        new ReceiveContactCommand(
            contactId,
            CALL,
            Channel.HOTLINE_111,
            CallerType.NEIGHBOUR,
            "VIOLENCE",
            "PHYSICAL",
            COMMUNE,
            300,
            Sex.FEMALE,
            9,
            null,
            null));
  }

  @AfterEach
  void stop() {
    axon.shutdown();
  }

  EscalateContactCommand escalation(ChildRegistration child) {
    return new EscalateContactCommand(
        contactId, caseId, childId, child, COMMUNE, Set.of(AbuseForm.VIOLENCE), true, "synthetic");
  }

  static ChildRegistration girl() {
    return new ChildRegistration(
        "Synthetic Child", null, 9, Sex.FEMALE, Ethnicity.of("01"), false, COMMUNE, null, null);
  }

  List<Object> eventsOf(Object id) {
    return axon.eventStore()
        .readEvents(id.toString())
        .asStream()
        .map(m -> (Object) m.getPayload())
        .toList();
  }

  @Test
  void
      escalating_a_call_reports_a_case_at_the_call_time_registers_the_child_and_closes_the_contact() {
    EscalationResult result = commands.sendAndWait(escalation(girl()));

    assertThat(result).isEqualTo(new EscalationResult(caseId, childId));
    assertThat(eventsOf(contactId))
        .endsWith(
            new ContactEscalatedEvent(contactId, caseId, childId, COMMUNE),
            new ContactClosedEvent(contactId, ContactOutcome.ESCALATED));
    CaseReportedEvent report = (CaseReportedEvent) eventsOf(caseId).get(0);
    assertThat(report.reportedAt()).isEqualTo(CALL);
    assertThat(report.channel()).isEqualTo(Channel.HOTLINE_111);
    assertThat(report.contactId()).isEqualTo(contactId);
    assertThat(report.initialAssessmentDueAt()).isEqualTo(CALL.plusSeconds(12 * 3600));
    assertThat(eventsOf(childId)).hasSize(2).first().isInstanceOf(ChildRegisteredEvent.class);
    assertThat(eventsOf(childId).get(1))
        .isInstanceOf(vn.cpms.kernel.children.ChildCaseFollowedEvent.class);
  }

  @Test
  void the_same_escalation_sent_again_answers_the_first_result_and_writes_nothing() {
    commands.sendAndWait(escalation(girl()));
    long events = eventsOf(contactId).size() + eventsOf(caseId).size();
    assertThat((EscalationResult) commands.sendAndWait(escalation(girl())))
        .isEqualTo(new EscalationResult(caseId, childId));
    assertThat(eventsOf(contactId).size() + eventsOf(caseId).size()).isEqualTo(events);
  }

  @Test
  void an_invalid_escalation_writes_nothing_on_any_aggregate() {
    EscalateContactCommand noForms =
        new EscalateContactCommand(
            contactId, caseId, childId, girl(), COMMUNE, Set.of(), true, null);
    assertThatThrownBy(() -> commands.sendAndWait(noForms))
        .isInstanceOf(InvalidInputException.class);
    assertThat(eventsOf(contactId)).hasSize(1);
    assertThat(axon.eventStore().lastSequenceNumberFor(caseId.toString())).isEmpty();
    assertThat(axon.eventStore().lastSequenceNumberFor(childId.toString())).isEmpty();
  }

  @Test
  void a_closed_contact_cannot_be_escalated() {
    commands.sendAndWait(new CloseContactCommand(contactId, ContactOutcome.ADVICE_GIVEN));
    assertThatThrownBy(() -> commands.sendAndWait(escalation(girl())))
        .isInstanceOf(RuleViolationException.class)
        .hasMessage("contact.closed");
    assertThat(axon.eventStore().lastSequenceNumberFor(caseId.toString())).isEmpty();
  }

  @Test
  void an_escalated_contact_cannot_be_escalated_to_another_case() {
    commands.sendAndWait(escalation(girl()));
    EscalateContactCommand other =
        new EscalateContactCommand(
            contactId,
            CaseId.random(),
            ChildId.random(),
            girl(),
            COMMUNE,
            Set.of(AbuseForm.NEGLECT),
            false,
            null);
    assertThatThrownBy(() -> commands.sendAndWait(other))
        .isInstanceOf(RuleViolationException.class)
        .hasMessage("contact.escalated");
  }
}
