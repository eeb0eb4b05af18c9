package vn.cpms.command.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.cpms.command.cases.CaseDeadlinePayloads.InitialAssessmentDue;
import vn.cpms.command.cases.CaseDeadlinePayloads.InterventionDue;
import vn.cpms.command.cases.CaseDeadlinePayloads.SupportPlanDue;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.UnknownReferenceException;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.AssignCaseCommand;
import vn.cpms.kernel.cases.CaseAssessedEvent;
import vn.cpms.kernel.cases.CaseAssignedEvent;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseReopenedEvent;
import vn.cpms.kernel.cases.CaseStatus;
import vn.cpms.kernel.cases.CaseTransferredEvent;
import vn.cpms.kernel.cases.CloseCaseCommand;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.cases.InitialAssessmentDeadlineMissedEvent;
import vn.cpms.kernel.cases.InitialAssessmentRecordedEvent;
import vn.cpms.kernel.cases.Intervention;
import vn.cpms.kernel.cases.InterventionCompletedEvent;
import vn.cpms.kernel.cases.InterventionDeadlineMissedEvent;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.RecordInitialAssessmentCommand;
import vn.cpms.kernel.cases.ReopenCaseCommand;
import vn.cpms.kernel.cases.ReturnSupportPlanCommand;
import vn.cpms.kernel.cases.RiskLevel;
import vn.cpms.kernel.cases.SupportPlanApprovedEvent;
import vn.cpms.kernel.cases.SupportPlanDeadlineMissedEvent;
import vn.cpms.kernel.cases.SupportPlanReturnedEvent;
import vn.cpms.kernel.cases.SupportPlanSubmittedEvent;
import vn.cpms.kernel.cases.TransferCaseCommand;

/** Every step of the Decree 56/2017 procedure, every rejection, every legal clock. */
class CaseProcedureTest extends CaseFixture {

  // --- assignment ------------------------------------------------------------------------------

  @Test
  void assigning_a_reported_case_records_the_worker() {
    given(1)
        .when(assign("worker.a"))
        .expectEvents(new CaseAssignedEvent(caseId, "worker.a", NOW))
        .expectResultMessagePayload(1L);
  }

  @Test
  void reassigning_to_another_worker_is_recorded_and_to_the_same_worker_changes_nothing() {
    given(2).when(assign("worker.b")).expectEvents(new CaseAssignedEvent(caseId, "worker.b", NOW));
    setUp();
    given(2).when(assign("worker.a")).expectNoEvents();
  }

  @Test
  void assigning_without_a_worker_is_invalid() {
    given(1).when(assign(" ")).expectNoEvents().expectException(InvalidInputException.class);
  }

  // --- initial assessment ----------------------------------------------------------------------

  @Test
  void an_initial_assessment_within_12_hours_is_on_time_and_starts_the_plan_clock() {
    given(2)
        .when(initialAssessment(INITIAL_AT))
        .expectEvents(
            new InitialAssessmentRecordedEvent(
                caseId, INITIAL_AT, RiskLevel.HIGH, "moved to relatives", true, PLAN_DUE))
        .expectScheduledDeadline(PLAN_DUE, new SupportPlanDue(caseId, PLAN_DUE));
  }

  @Test
  void an_initial_assessment_after_the_12_hours_is_recorded_as_late() {
    Instant late = INITIAL_DUE.plusSeconds(60);
    given(2)
        .when(initialAssessment(late))
        .expectEvents(
            new InitialAssessmentRecordedEvent(
                caseId, late, RiskLevel.HIGH, "moved to relatives", false, PLAN_DUE));
  }

  @Test
  void an_initial_assessment_before_assignment_is_rejected() {
    given(1)
        .when(initialAssessment(INITIAL_AT))
        .expectNoEvents()
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("case.not-assigned");
  }

  @Test
  void a_second_initial_assessment_is_rejected() {
    given(3)
        .when(initialAssessment(INITIAL_AT))
        .expectNoEvents()
        .expectExceptionMessage("case.initial-assessment-recorded");
  }

  @Test
  void an_initial_assessment_dated_before_the_report_is_invalid() {
    given(2)
        .when(initialAssessment(REPORTED.minusSeconds(3600)))
        .expectNoEvents()
        .expectException(InvalidInputException.class)
        .expectExceptionMessage(Matchers.containsString("assessedAt=before-previous-step"));
  }

  @Test
  void an_initial_assessment_in_the_future_is_invalid() {
    given(2)
        .when(initialAssessment(NOW.plus(Duration.ofHours(1))))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("assessedAt=future-date"));
  }

  @Test
  void an_initial_assessment_without_risk_level_is_invalid() {
    given(2)
        .when(new RecordInitialAssessmentCommand(caseId, INITIAL_AT, null, null, null))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("riskLevel=required"));
  }

  // --- detailed assessment ---------------------------------------------------------------------

  @Test
  void a_detailed_assessment_confirming_abuse_records_the_confirmed_forms() {
    given(3)
        .when(assessment(true, Set.of(AbuseForm.VIOLENCE, AbuseForm.NEGLECT)))
        .expectEvents(
            new CaseAssessedEvent(
                caseId,
                ASSESSED_AT,
                true,
                List.of(AbuseForm.VIOLENCE, AbuseForm.NEGLECT),
                "medical care"));
  }

  @Test
  void a_detailed_assessment_that_finds_no_abuse_has_no_forms() {
    given(3)
        .when(assessment(false, Set.of()))
        .expectEvents(new CaseAssessedEvent(caseId, ASSESSED_AT, false, List.of(), "medical care"));
  }

  @Test
  void confirmed_abuse_without_forms_is_invalid() {
    given(3)
        .when(assessment(true, Set.of()))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("confirmedForms=confirmed-forms-required"));
  }

  @Test
  void forms_without_confirmed_abuse_are_invalid() {
    given(3)
        .when(assessment(false, Set.of(AbuseForm.VIOLENCE)))
        .expectNoEvents()
        .expectExceptionMessage(
            Matchers.containsString("confirmedForms=confirmed-forms-without-confirmation"));
  }

  @Test
  void a_detailed_assessment_before_the_initial_one_is_rejected() {
    given(2)
        .when(assessment(true, Set.of(AbuseForm.VIOLENCE)))
        .expectNoEvents()
        .expectExceptionMessage("case.initial-assessment-missing");
  }

  @Test
  void a_second_detailed_assessment_is_rejected() {
    given(4)
        .when(assessment(true, Set.of(AbuseForm.VIOLENCE)))
        .expectNoEvents()
        .expectExceptionMessage("case.assessment-recorded");
  }

  // --- plan ------------------------------------------------------------------------------------

  @Test
  void a_plan_submitted_within_5_working_days_is_on_time() {
    given(4)
        .when(plan(PLANNED))
        .expectEvents(
            new SupportPlanSubmittedEvent(
                caseId, SUBMITTED_AT, "safety and recovery", PLANNED, true));
  }

  @Test
  void a_plan_can_be_replaced_until_it_is_approved() {
    given(5)
        .when(plan(PLANNED.subList(0, 1)))
        .expectEvents(
            new SupportPlanSubmittedEvent(
                caseId, SUBMITTED_AT, "safety and recovery", PLANNED.subList(0, 1), true));
  }

  @Test
  void a_plan_before_the_detailed_assessment_is_rejected() {
    given(3).when(plan(PLANNED)).expectNoEvents().expectExceptionMessage("case.assessment-missing");
  }

  @Test
  void a_plan_without_interventions_is_invalid() {
    given(4)
        .when(plan(List.of()))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("interventions=required"));
  }

  @Test
  void an_intervention_due_before_the_plan_is_invalid() {
    given(4)
        .when(
            plan(
                List.of(
                    new Intervention(
                        MEDICAL, InterventionType.MEDICAL, "clinic", LocalDate.of(2026, 11, 1)))))
        .expectNoEvents()
        .expectExceptionMessage(
            Matchers.containsString("interventions[0].dueOn=before-previous-step"));
  }

  @Test
  void a_plan_after_approval_is_rejected() {
    given(6).when(plan(PLANNED)).expectNoEvents().expectExceptionMessage("case.plan-approved");
  }

  // --- approval --------------------------------------------------------------------------------

  @Test
  void approving_the_plan_starts_a_clock_for_every_intervention() {
    given(5)
        .when(approve())
        .expectEvents(new SupportPlanApprovedEvent(caseId, APPROVED_AT))
        .expectScheduledDeadline(
            CaseDeadlines.endOf(MEDICAL_DUE), new InterventionDue(caseId, MEDICAL, MEDICAL_DUE))
        .expectScheduledDeadline(
            CaseDeadlines.endOf(MEDICAL_DUE.plusDays(14)),
            new InterventionDue(caseId, COUNSELLING, MEDICAL_DUE.plusDays(14)));
  }

  @Test
  void approving_without_a_plan_is_rejected() {
    given(4).when(approve()).expectNoEvents().expectExceptionMessage("case.plan-missing");
  }

  @Test
  void a_supervisor_sends_the_plan_back_with_a_comment_and_a_new_plan_can_be_submitted() {
    fixture
        .givenCommands(upTo(5))
        .when(
            new ReturnSupportPlanCommand(caseId, APPROVED_AT, "add a school visit", null),
            java.util.Map.of("username", "supervisor.a"))
        .expectEvents(
            new SupportPlanReturnedEvent(caseId, APPROVED_AT, "add a school visit", "supervisor.a"))
        .expectState(
            c ->
                org.assertj.core.api.Assertions.assertThat(c.status())
                    .isEqualTo(CaseStatus.ASSESSED));
    fixture
        .givenCommands(upTo(5))
        .andGivenCommands(new ReturnSupportPlanCommand(caseId, APPROVED_AT, "again", null))
        .when(approve())
        .expectNoEvents()
        .expectExceptionMessage("case.plan-missing");
  }

  @Test
  void a_plan_is_sent_back_only_with_a_comment_and_before_its_approval() {
    given(5)
        .when(new ReturnSupportPlanCommand(caseId, APPROVED_AT, " ", null))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("comment=required"));
    given(6)
        .when(new ReturnSupportPlanCommand(caseId, APPROVED_AT, "late", null))
        .expectNoEvents()
        .expectExceptionMessage("case.plan-approved");
  }

  @Test
  void approving_twice_is_rejected() {
    given(6).when(approve()).expectNoEvents().expectExceptionMessage("case.plan-approved");
  }

  // --- interventions ---------------------------------------------------------------------------

  @Test
  void completing_the_last_intervention_completes_the_plan() {
    fixture
        .givenCommands(upTo(6))
        .andGivenCommands(complete(MEDICAL))
        .when(complete(COUNSELLING))
        .expectEvents(
            new InterventionCompletedEvent(
                caseId, COUNSELLING, LocalDate.of(2026, 11, 23), "done", true))
        .expectState(
            c ->
                org.assertj.core.api.Assertions.assertThat(c.status())
                    .isEqualTo(CaseStatus.INTERVENTIONS_COMPLETED));
  }

  @Test
  void completing_an_intervention_before_approval_is_rejected() {
    given(5)
        .when(complete(MEDICAL))
        .expectNoEvents()
        .expectExceptionMessage("case.plan-not-approved");
  }

  @Test
  void completing_an_intervention_twice_is_rejected() {
    fixture
        .givenCommands(upTo(6))
        .andGivenCommands(complete(MEDICAL))
        .when(complete(MEDICAL))
        .expectNoEvents()
        .expectExceptionMessage("case.intervention-completed");
  }

  @Test
  void completing_an_unknown_intervention_is_not_found() {
    given(6)
        .when(complete(UUID.randomUUID()))
        .expectNoEvents()
        .expectException(UnknownReferenceException.class);
  }

  // --- transfer --------------------------------------------------------------------------------

  @Test
  void a_transfer_with_consent_moves_the_case_to_the_other_area() {
    given(2)
        .when(new TransferCaseCommand(caseId, OTHER_COMMUNE, true, "family moved", null))
        .expectEvents(
            new CaseTransferredEvent(caseId, COMMUNE, OTHER_COMMUNE, "family moved", NOW));
  }

  @Test
  void a_transfer_without_recorded_consent_is_invalid() {
    given(2)
        .when(new TransferCaseCommand(caseId, OTHER_COMMUNE, false, "family moved", null))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("consentRecorded=consent-required"));
  }

  @Test
  void a_transfer_to_the_same_area_is_invalid() {
    given(2)
        .when(new TransferCaseCommand(caseId, COMMUNE, true, null, null))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("toAreaCode=same-area"));
  }

  // --- closure and reopening -------------------------------------------------------------------

  @Test
  void closing_a_case_is_recorded_with_the_worker_who_closed_it() {
    given(3)
        .when(close(), java.util.Map.of("username", "worker.a"))
        .expectEvents(
            new CaseClosedEvent(
                caseId, LocalDate.of(2026, 11, 23), ClosureReason.SAFE, "worker.a"));
  }

  @Test
  void a_closed_cases_clocks_run_out_without_effect() {
    fixture
        .givenCommands(upTo(2))
        .andGivenCommands(close())
        .whenTimeAdvancesTo(INITIAL_DUE.plusSeconds(1))
        .expectDeadlinesMet(new InitialAssessmentDue(caseId, INITIAL_DUE))
        .expectNoEvents();
  }

  @Test
  void closing_a_closed_case_is_rejected() {
    fixture
        .givenCommands(upTo(2))
        .andGivenCommands(close())
        .when(close())
        .expectNoEvents()
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("case.closed");
  }

  @Test
  void no_step_is_allowed_on_a_closed_case() {
    fixture
        .givenCommands(upTo(2))
        .andGivenCommands(close())
        .when(initialAssessment(INITIAL_AT))
        .expectNoEvents()
        .expectExceptionMessage("case.closed");
  }

  @Test
  void closing_without_a_reason_is_invalid() {
    given(2)
        .when(new CloseCaseCommand(caseId, LocalDate.of(2026, 11, 23), null, null))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("reason=required"));
  }

  @Test
  void closing_before_the_report_date_is_invalid() {
    given(2)
        .when(new CloseCaseCommand(caseId, LocalDate.of(2026, 11, 19), ClosureReason.SAFE, null))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("closedOn=before-previous-step"));
  }

  @Test
  void reopening_returns_the_case_to_the_step_it_was_closed_at_and_restarts_open_clocks() {
    fixture
        .givenCommands(upTo(3))
        .andGivenCommands(close())
        .when(new ReopenCaseCommand(caseId, LocalDate.of(2026, 11, 23), "new report", null))
        .expectEvents(
            new CaseReopenedEvent(
                caseId, LocalDate.of(2026, 11, 23), "new report", CaseStatus.INITIALLY_ASSESSED))
        .expectScheduledDeadline(PLAN_DUE, new SupportPlanDue(caseId, PLAN_DUE));
  }

  @Test
  void reopening_an_open_case_is_rejected() {
    given(2)
        .when(new ReopenCaseCommand(caseId, LocalDate.of(2026, 11, 23), "x", null))
        .expectNoEvents()
        .expectExceptionMessage("case.not-closed");
  }

  // --- legal clocks ----------------------------------------------------------------------------

  @Test
  void reporting_a_child_in_serious_danger_schedules_the_12_hour_deadline() {
    fixture
        .givenNoPriorActivity()
        .when(report())
        .expectScheduledDeadline(INITIAL_DUE, new InitialAssessmentDue(caseId, INITIAL_DUE));
  }

  @Test
  void a_missed_initial_assessment_deadline_becomes_an_event() {
    given(2)
        .whenTimeAdvancesTo(INITIAL_DUE.plusSeconds(1))
        .expectDeadlinesMet(new InitialAssessmentDue(caseId, INITIAL_DUE))
        .expectEvents(new InitialAssessmentDeadlineMissedEvent(caseId, INITIAL_DUE));
  }

  @Test
  void a_met_initial_assessment_deadline_fires_without_an_event() {
    given(3)
        .whenTimeAdvancesTo(INITIAL_DUE.plusSeconds(1))
        .expectDeadlinesMet(new InitialAssessmentDue(caseId, INITIAL_DUE))
        .expectNoEvents();
  }

  @Test
  void a_missed_plan_deadline_becomes_an_event() {
    given(4)
        .whenTimeAdvancesTo(PLAN_DUE.plusSeconds(1))
        .expectEvents(new SupportPlanDeadlineMissedEvent(caseId, PLAN_DUE));
  }

  @Test
  void a_plan_submitted_in_time_meets_its_deadline() {
    given(5).whenTimeAdvancesTo(PLAN_DUE.plusSeconds(1)).expectNoEvents();
  }

  @Test
  void an_intervention_not_completed_by_its_due_date_becomes_an_event() {
    fixture
        .givenCommands(upTo(6))
        .andGivenCommands(complete(COUNSELLING))
        .whenTimeAdvancesTo(CaseDeadlines.endOf(MEDICAL_DUE).plusSeconds(1))
        .expectEvents(new InterventionDeadlineMissedEvent(caseId, MEDICAL, MEDICAL_DUE));
  }

  // --- concurrency -----------------------------------------------------------------------------

  @Test
  void a_command_on_a_stale_version_is_rejected() {
    given(3)
        .when(new AssignCaseCommand(caseId, "worker.b", 1L))
        .expectNoEvents()
        .expectException(ConflictingAggregateVersionException.class);
  }

  @Test
  void a_command_on_the_current_version_is_accepted() {
    given(3)
        .when(new AssignCaseCommand(caseId, "worker.b", 2L))
        .expectEvents(new CaseAssignedEvent(caseId, "worker.b", NOW));
  }
}
