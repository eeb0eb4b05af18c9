package vn.cpms.command.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cpms.command.CreateConflict;
import vn.cpms.command.children.Child;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.ReportCaseCommand;
import vn.cpms.kernel.cases.ReportCaseResult;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Sex;

class ChildCaseTest {
  static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
  static final Instant REPORTED = Instant.parse("2026-11-20T01:15:00Z"); // Fri 08:15 in Vietnam
  static final AreaCode COMMUNE = AreaCode.of("06652");

  final CaseId caseId = CaseId.random();
  final ChildId childId = ChildId.random();
  AggregateTestFixture<ChildCase> fixture;
  EmbeddedEventStore childEvents;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ChildCase.class);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    // The fixture records one aggregate type; children live in their own in-memory store.
    childEvents =
        EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    var children = EventSourcingRepository.builder(Child.class).eventStore(childEvents).build();
    fixture.registerAnnotatedCommandHandler(
        new CaseIntake(fixture.getRepository(), children, CaseDeadlines.standard(), clock));
  }

  static ChildRegistration girlAged(int years) {
    return new ChildRegistration(
        "Synthetic Child", null, years, Sex.FEMALE, Ethnicity.of("01"), false, COMMUNE, null, null);
  }

  ReportCaseCommand report(ChildRegistration newChild, boolean seriousDanger) {
    return new ReportCaseCommand(
        caseId,
        childId,
        newChild,
        REPORTED,
        Channel.HOTLINE_111,
        COMMUNE,
        Set.of(AbuseForm.VIOLENCE, AbuseForm.NEGLECT),
        seriousDanger,
        "synthetic description",
        null,
        null);
  }

  @Test
  void reporting_a_case_with_a_new_child_registers_the_child_and_opens_the_case_together() {
    fixture
        .givenNoPriorActivity()
        .when(report(girlAged(9), true))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new CaseReportedEvent(
                caseId,
                childId,
                REPORTED,
                Channel.HOTLINE_111,
                COMMUNE,
                List.of(AbuseForm.VIOLENCE, AbuseForm.NEGLECT),
                true,
                "synthetic description",
                null,
                new ChildFacts(Sex.FEMALE, 9, Ethnicity.of("01"), false),
                REPORTED.plusSeconds(12 * 3600),
                null))
        .expectResultMessagePayload(new ReportCaseResult(caseId, childId, 0, true));
    assertThat(childEventsOf(childId))
        .as("the child follows its case in the same transaction (issue 21)")
        .containsExactly(
            new ChildRegisteredEvent(
                childId, girlAged(9), LocalDate.of(2026, 11, 20), LocalDate.of(2017, 11, 20)),
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, caseId, COMMUNE, true, List.of(COMMUNE)));
  }

  @Test
  void a_child_in_serious_danger_must_be_assessed_within_12_hours_of_the_report() {
    fixture
        .givenNoPriorActivity()
        .when(report(girlAged(9), true))
        .expectSuccessfulHandlerExecution();
    CaseReportedEvent event = lastCaseReported();
    assertThat(event.initialAssessmentDueAt()).isEqualTo(Instant.parse("2026-11-20T13:15:00Z"));
  }

  @Test
  void without_serious_danger_the_initial_assessment_is_due_at_the_end_of_the_third_working_day() {
    fixture
        .givenNoPriorActivity()
        .when(report(girlAged(9), false))
        .expectSuccessfulHandlerExecution();
    // Reported Friday 20 Nov: Mon 23, Tue 24, Wed 25 are the three working days.
    assertThat(lastCaseReported().initialAssessmentDueAt())
        .isEqualTo(
            LocalDate.of(2026, 11, 26).atStartOfDay(vn.cpms.kernel.VietnamTime.ZONE).toInstant());
  }

  @Test
  void the_childs_age_is_taken_in_completed_years_on_the_report_date() {
    ChildRegistration bornBeforeReport =
        new ChildRegistration(
            "Synthetic Child",
            LocalDate.of(2012, 11, 21), // turns 14 the day after the report
            null,
            Sex.MALE,
            Ethnicity.UNKNOWN,
            true,
            COMMUNE,
            null,
            null);
    fixture
        .givenNoPriorActivity()
        .when(report(bornBeforeReport, false))
        .expectSuccessfulHandlerExecution();
    assertThat(lastCaseReported().child())
        .isEqualTo(new ChildFacts(Sex.MALE, 13, Ethnicity.UNKNOWN, true));
  }

  /** The metadata of a report sent again because its case's stream exists (the gateway's). */
  static final Map<String, Object> STREAM_EXISTS = Map.of(CreateConflict.EXISTING, true);

  @Test
  void
      sending_the_same_report_again_with_the_same_id_changes_nothing_and_answers_the_first_result() {
    fixture
        .givenCommands(report(girlAged(9), true))
        .when(report(girlAged(9), true), STREAM_EXISTS)
        .expectNoEvents()
        .expectResultMessagePayload(new ReportCaseResult(caseId, childId, 0, false));
  }

  @Test
  void reusing_a_case_id_for_a_different_report_is_rejected() {
    ReportCaseCommand first = report(girlAged(9), true);
    ReportCaseCommand different = report(girlAged(9), false);
    fixture
        .givenCommands(first)
        .when(different, STREAM_EXISTS)
        .expectNoEvents()
        .expectException(RuleViolationException.class);
  }

  @Test
  void a_new_report_reads_neither_its_case_nor_its_new_child() {
    AggregateTestFixture<ChildCase> blind = new AggregateTestFixture<>(ChildCase.class);
    var children =
        EventSourcingRepository.builder(Child.class)
            .eventStore(
                EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine())
                    .build())
            .build();
    blind.registerAnnotatedCommandHandler(
        new CaseIntake(
            new NoLoads<>(blind.getRepository()),
            new NoLoads<>(children),
            CaseDeadlines.standard(),
            Clock.fixed(NOW, ZoneOffset.UTC)));
    blind
        .givenNoPriorActivity()
        .when(report(girlAged(9), true))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(new ReportCaseResult(caseId, childId, 0, true));
  }

  /** A repository that refuses to load: a handler that must read nothing uses it. */
  record NoLoads<T>(org.axonframework.modelling.command.Repository<T> delegate)
      implements org.axonframework.modelling.command.Repository<T> {
    @Override
    public org.axonframework.modelling.command.Aggregate<T> load(String id) {
      throw new AssertionError("read " + id);
    }

    @Override
    public org.axonframework.modelling.command.Aggregate<T> load(String id, Long version) {
      throw new AssertionError("read " + id);
    }

    @Override
    public org.axonframework.modelling.command.Aggregate<T> newInstance(
        java.util.concurrent.Callable<T> factory) throws Exception {
      return delegate.newInstance(factory);
    }

    @Override
    public void send(
        org.axonframework.messaging.Message<?> message,
        org.axonframework.messaging.ScopeDescriptor scope)
        throws Exception {
      delegate.send(message, scope);
    }

    @Override
    public boolean canResolve(org.axonframework.messaging.ScopeDescriptor scope) {
      return delegate.canResolve(scope);
    }
  }

  @Test
  void a_case_about_a_known_child_uses_the_childs_registered_facts_at_the_new_report_date() {
    // Registered on 1 Jan 2026 aged 9: estimated birth date 1 Jan 2017, so 9 on 20 Nov 2026.
    childEvents.publish(
        new GenericDomainEventMessage<>(
            "Child",
            childId.toString(),
            0,
            new ChildRegisteredEvent(
                childId, girlAged(9), LocalDate.of(2026, 1, 1), LocalDate.of(2017, 1, 1))));
    fixture
        .givenNoPriorActivity()
        .when(report(null, false))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(new ReportCaseResult(caseId, childId, 0, true));
    assertThat(lastCaseReported().child().ageYears()).isEqualTo(9);
    assertThat(childEventsOf(childId))
        .hasSize(2)
        .last()
        .isInstanceOf(vn.cpms.kernel.children.ChildCaseFollowedEvent.class);
  }

  @Test
  void a_case_about_an_unknown_child_is_rejected_and_writes_nothing() {
    fixture
        .givenNoPriorActivity()
        .when(report(null, false))
        .expectNoEvents()
        .expectException(InvalidInputException.class);
  }

  @Test
  void a_report_dated_in_the_future_is_rejected_and_registers_no_child() {
    ReportCaseCommand future =
        new ReportCaseCommand(
            CaseId.random(),
            childId,
            girlAged(9),
            NOW.plusSeconds(3600),
            Channel.PHONE,
            COMMUNE,
            Set.of(AbuseForm.VIOLENCE),
            false,
            null,
            null,
            null);
    fixture
        .givenNoPriorActivity()
        .when(future)
        .expectNoEvents()
        .expectException(InvalidInputException.class);
  }

  @Test
  void a_rejected_report_registers_no_child() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ReportCaseCommand(
                caseId,
                childId,
                girlAged(9),
                REPORTED,
                Channel.PHONE,
                COMMUNE,
                Set.of(),
                false,
                null,
                null,
                null))
        .expectNoEvents()
        .expectException(InvalidInputException.class);
    assertThat(childEventsOf(childId)).isEmpty();
  }

  @Test
  void a_new_child_older_than_17_is_rejected_with_the_field_below_child() {
    ChildRegistration adult =
        new ChildRegistration(
            "Synthetic Adult",
            LocalDate.of(2000, 1, 1),
            null,
            Sex.MALE,
            Ethnicity.UNKNOWN,
            false,
            COMMUNE,
            null,
            null);
    fixture
        .givenNoPriorActivity()
        .when(report(adult, false))
        .expectNoEvents()
        .expectException(InvalidInputException.class)
        .expectExceptionMessage(
            org.hamcrest.Matchers.containsString("child.birthDate=not-a-child"));
  }

  private List<Object> childEventsOf(ChildId id) {
    return childEvents
        .readEvents(id.toString())
        .asStream()
        .map(m -> (Object) m.getPayload())
        .toList();
  }

  private CaseReportedEvent lastCaseReported() {
    final CaseReportedEvent[] found = new CaseReportedEvent[1];
    fixture
        .getEventStore()
        .readEvents(caseId.toString())
        .asStream()
        .map(m -> m.getPayload())
        .filter(CaseReportedEvent.class::isInstance)
        .forEach(p -> found[0] = (CaseReportedEvent) p);
    assertThat(found[0]).as("a CaseReportedEvent for " + caseId).isNotNull();
    return found[0];
  }
}
