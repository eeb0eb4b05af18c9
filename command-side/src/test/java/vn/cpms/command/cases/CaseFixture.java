package vn.cpms.command.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import vn.cpms.command.children.Child;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.ApproveSupportPlanCommand;
import vn.cpms.kernel.cases.AssignCaseCommand;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.CloseCaseCommand;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.cases.CompleteInterventionCommand;
import vn.cpms.kernel.cases.Intervention;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.RecordAssessmentCommand;
import vn.cpms.kernel.cases.RecordInitialAssessmentCommand;
import vn.cpms.kernel.cases.ReportCaseCommand;
import vn.cpms.kernel.cases.RiskLevel;
import vn.cpms.kernel.cases.SubmitSupportPlanCommand;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Sex;

/** A case's aggregate under test, with every step of the procedure as a command. */
abstract class CaseFixture {
  static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z"); // Mon 08:00 in Vietnam
  static final Instant REPORTED = Instant.parse("2026-11-20T01:15:00Z"); // Fri 08:15
  static final Instant INITIAL_DUE = REPORTED.plus(Duration.ofHours(12));
  static final Instant INITIAL_AT = Instant.parse("2026-11-20T05:00:00Z");
  // 5 working days after Fri 20 Nov: Mon 23 … Fri 27; due at the end of that day in Vietnam.
  static final Instant PLAN_DUE = Instant.parse("2026-11-27T17:00:00Z");
  static final Instant ASSESSED_AT = Instant.parse("2026-11-21T02:00:00Z");
  static final Instant SUBMITTED_AT = Instant.parse("2026-11-22T02:00:00Z");
  static final Instant APPROVED_AT = Instant.parse("2026-11-22T03:00:00Z");
  static final AreaCode COMMUNE = AreaCode.of("06652");
  static final AreaCode OTHER_COMMUNE = AreaCode.of("06655");
  static final UUID MEDICAL = UUID.fromString("00000000-0000-4000-8000-00000000000a");
  static final UUID COUNSELLING = UUID.fromString("00000000-0000-4000-8000-00000000000b");
  static final LocalDate MEDICAL_DUE = LocalDate.of(2026, 12, 1);
  static final List<Intervention> PLANNED =
      List.of(
          new Intervention(
              MEDICAL, InterventionType.MEDICAL, "District health centre", MEDICAL_DUE),
          new Intervention(
              COUNSELLING,
              InterventionType.PSYCHOSOCIAL,
              "Commune social worker",
              MEDICAL_DUE.plusDays(14)));

  final CaseId caseId = CaseId.random();
  final ChildId childId = ChildId.random();
  AggregateTestFixture<ChildCase> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ChildCase.class);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CaseDeadlines deadlines = CaseDeadlines.standard();
    fixture.registerInjectableResource(clock);
    fixture.registerInjectableResource(deadlines);
    var children =
        EventSourcingRepository.builder(Child.class)
            .eventStore(
                EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine())
                    .build())
            .build();
    fixture.registerAnnotatedCommandHandler(
        new CaseIntake(fixture.getRepository(), children, deadlines, clock));
    fixture.givenCurrentTime(REPORTED);
  }

  // --- the steps as commands ------------------------------------------------------------------

  ReportCaseCommand report() {
    return new ReportCaseCommand(
        caseId,
        childId,
        new ChildRegistration(
            "Synthetic Child", null, 9, Sex.FEMALE, Ethnicity.of("01"), false, COMMUNE, null, null),
        REPORTED,
        Channel.HOTLINE_111,
        COMMUNE,
        Set.of(AbuseForm.VIOLENCE),
        true,
        null,
        null,
        null);
  }

  AssignCaseCommand assign(String worker) {
    return new AssignCaseCommand(caseId, worker, null);
  }

  RecordInitialAssessmentCommand initialAssessment(Instant at) {
    return new RecordInitialAssessmentCommand(
        caseId, at, RiskLevel.HIGH, "moved to relatives", null);
  }

  RecordAssessmentCommand assessment(boolean confirmed, Set<AbuseForm> forms) {
    return new RecordAssessmentCommand(caseId, ASSESSED_AT, confirmed, forms, "medical care", null);
  }

  SubmitSupportPlanCommand plan(List<Intervention> interventions) {
    return new SubmitSupportPlanCommand(
        caseId, SUBMITTED_AT, "safety and recovery", interventions, null);
  }

  ApproveSupportPlanCommand approve() {
    return new ApproveSupportPlanCommand(caseId, APPROVED_AT, null);
  }

  CompleteInterventionCommand complete(UUID intervention) {
    return new CompleteInterventionCommand(
        caseId, intervention, LocalDate.of(2026, 11, 23), "done", null);
  }

  CloseCaseCommand close() {
    return new CloseCaseCommand(caseId, LocalDate.of(2026, 11, 23), ClosureReason.SAFE, null);
  }

  List<Object> upTo(int steps) {
    List<Object> all =
        List.of(
            report(),
            assign("worker.a"),
            initialAssessment(INITIAL_AT),
            assessment(true, Set.of(AbuseForm.VIOLENCE)),
            plan(PLANNED),
            approve());
    return all.subList(0, steps);
  }

  TestExecutor<ChildCase> given(int steps) {
    return fixture.givenCommands(upTo(steps));
  }
}
