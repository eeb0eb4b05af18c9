package vn.cpms.command.cases;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.cpms.command.cases.CaseDeadlinePayloads.INITIAL_ASSESSMENT;
import static vn.cpms.command.cases.CaseDeadlinePayloads.INTERVENTION;
import static vn.cpms.command.cases.CaseDeadlinePayloads.REFERRAL_ANSWER;
import static vn.cpms.command.cases.CaseDeadlinePayloads.SUPPORT_PLAN;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.command.cases.CaseDeadlinePayloads.InitialAssessmentDue;
import vn.cpms.command.cases.CaseDeadlinePayloads.InterventionDue;
import vn.cpms.command.cases.CaseDeadlinePayloads.ReferralAnswerDue;
import vn.cpms.command.cases.CaseDeadlinePayloads.SupportPlanDue;
import vn.cpms.kernel.AccessScope;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.UnknownReferenceException;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.ApproveSupportPlanCommand;
import vn.cpms.kernel.cases.AssignCaseCommand;
import vn.cpms.kernel.cases.CaseAssessedEvent;
import vn.cpms.kernel.cases.CaseAssignedEvent;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReferredEvent;
import vn.cpms.kernel.cases.CaseReopenedEvent;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.CaseStatus;
import vn.cpms.kernel.cases.CaseTransferredEvent;
import vn.cpms.kernel.cases.CloseCaseCommand;
import vn.cpms.kernel.cases.CompleteInterventionCommand;
import vn.cpms.kernel.cases.InitialAssessmentDeadlineMissedEvent;
import vn.cpms.kernel.cases.InitialAssessmentRecordedEvent;
import vn.cpms.kernel.cases.Intervention;
import vn.cpms.kernel.cases.InterventionCompletedEvent;
import vn.cpms.kernel.cases.InterventionDeadlineMissedEvent;
import vn.cpms.kernel.cases.RecordAssessmentCommand;
import vn.cpms.kernel.cases.RecordInitialAssessmentCommand;
import vn.cpms.kernel.cases.ReferCaseCommand;
import vn.cpms.kernel.cases.ReopenCaseCommand;
import vn.cpms.kernel.cases.ReportCaseCommand;
import vn.cpms.kernel.cases.ReturnSupportPlanCommand;
import vn.cpms.kernel.cases.SubmitSupportPlanCommand;
import vn.cpms.kernel.cases.SupportPlanApprovedEvent;
import vn.cpms.kernel.cases.SupportPlanDeadlineMissedEvent;
import vn.cpms.kernel.cases.SupportPlanReturnedEvent;
import vn.cpms.kernel.cases.SupportPlanSubmittedEvent;
import vn.cpms.kernel.cases.TransferCaseCommand;
import vn.cpms.kernel.children.ChildFacts;

/**
 * One case of the Decree 56/2017 procedure: a report about a child, and what the protection workers
 * do about it, step by step: assignment, initial assessment (12 hours when the child is in serious
 * danger), detailed assessment, support plan (5 working days), its approval, the interventions,
 * closure; transfer and reopening at any time it makes sense. A command that the current step does
 * not allow is rejected with the reason and writes nothing. The legal clocks are persistent
 * deadlines: a missed one becomes an event of the case.
 */
@Aggregate
public class ChildCase {
  /** Clocks drift: a time a few minutes "in the future" is accepted. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** Metadata key of the user who sent a command (set by the application's command sender). */
  static final String USERNAME = "username";

  @AggregateIdentifier private CaseId caseId;
  private CaseStatus status;
  private CaseStatus statusBeforeClosure;
  private CaseReportedEvent report;
  private AreaCode areaCode;
  private String assignee;
  private Instant initialAssessmentDueAt;
  private boolean initialAssessmentMissed;
  private Instant initialAssessedAt;
  private Instant planDueAt;
  private boolean planMissed;
  private Instant assessedAt;
  private Instant planSubmittedAt;
  private Instant planApprovedAt;
  private final Map<UUID, Intervention> interventions = new LinkedHashMap<>();
  private final Set<UUID> completed = new HashSet<>();
  private final Set<UUID> interventionsMissed = new HashSet<>();
  private LocalDate closedOn;

  @org.axonframework.modelling.command.AggregateMember(
      eventForwardingMode = org.axonframework.modelling.command.ForwardMatchingInstances.class)
  private final Map<UUID, Referral> referrals = new LinkedHashMap<>();

  private final Set<UUID> notes = new HashSet<>();

  private final Set<UUID> abusers = new HashSet<>();

  protected ChildCase() {
    // for Axon: state is rebuilt from events
  }

  /**
   * Metadata of a {@link CaseReportedEvent} whose child recorded the case in the same transaction
   * ({@code ChildCaseFollowedEvent}): the policy {@link ChildFollowsCase} has nothing left to do.
   */
  public static final String CHILD_FOLLOWS = "childFollows";

  ChildCase(
      ReportCaseCommand command,
      ChildFacts child,
      Instant initialAssessmentDueAt,
      DeadlineManager deadlineManager) {
    List<AbuseForm> forms = List.copyOf(new TreeSet<>(command.suspectedForms()));
    apply(
        new CaseReportedEvent(
            command.caseId(),
            command.childId(),
            command.reportedAt(),
            command.channel(),
            command.areaCode(),
            forms,
            command.seriousDanger(),
            command.description(),
            command.reporter(),
            child,
            initialAssessmentDueAt,
            command.contactId()),
        org.axonframework.messaging.MetaData.with(CHILD_FOLLOWS, Boolean.TRUE));
    deadlineManager.schedule(
        initialAssessmentDueAt,
        INITIAL_ASSESSMENT,
        new InitialAssessmentDue(command.caseId(), initialAssessmentDueAt),
        scope(command.caseId()));
  }

  /** Whether {@code command} repeats the report this case was created from. */
  boolean isSameReport(ReportCaseCommand command) {
    return report.childId().equals(command.childId())
        && report.reportedAt().equals(command.reportedAt())
        && report.channel() == command.channel()
        && report.areaCode().equals(command.areaCode())
        && report.suspectedForms().equals(List.copyOf(new TreeSet<>(command.suspectedForms())))
        && report.seriousDanger() == command.seriousDanger()
        && Objects.equals(report.description(), command.description())
        && Objects.equals(report.reporter(), command.reporter())
        && Objects.equals(report.contactId(), command.contactId());
  }

  CaseStatus status() {
    return status;
  }

  /** The case's version after the command: the sequence number of its last event. */
  private static long version() {
    return AggregateLifecycle.getVersion();
  }

  // --- commands -------------------------------------------------------------------------------

  /**
   * A case outside the sender's areas is unknown to them (404), for every command; a provider's
   * user has no areas and reaches a case only to answer a referral made to their provider (which
   * {@link Referral} checks).
   */
  @CommandHandlerInterceptor
  Object withinSendersAreas(CommandMessage<?> command, InterceptorChain chain) throws Exception {
    boolean providerAnswer =
        command.getMetaData().containsKey(Referral.PROVIDER)
            && (command.getPayload() instanceof vn.cpms.kernel.cases.AnswerReferralCommand
                || command.getPayload() instanceof vn.cpms.kernel.cases.CompleteReferralCommand);
    if (command.getMetaData().containsKey(Referral.PROVIDER) && !providerAnswer) {
      throw new UnknownReferenceException("case");
    }
    if (!providerAnswer && !AccessScope.allows(command.getMetaData(), areaCode)) {
      throw new UnknownReferenceException("case");
    }
    return chain.proceed();
  }

  @CommandHandler
  long handle(AssignCaseCommand command, Clock clock) {
    requireOpen();
    Violations violations = Violations.collect();
    if (command.workerUsername() == null || command.workerUsername().isBlank()) {
      violations.add("workerUsername", "required");
    }
    violations.throwIfAny();
    if (!command.workerUsername().equals(assignee)) {
      apply(new CaseAssignedEvent(caseId, command.workerUsername(), clock.instant()));
    }
    return version();
  }

  @CommandHandler
  long handle(
      RecordInitialAssessmentCommand command,
      Clock clock,
      CaseDeadlines deadlines,
      DeadlineManager deadlineManager) {
    requireOpen();
    if (initialAssessedAt != null) {
      throw new RuleViolationException("case.initial-assessment-recorded");
    }
    if (assignee == null) {
      throw new RuleViolationException("case.not-assigned");
    }
    Violations violations = Violations.collect();
    if (command.riskLevel() == null) {
      violations.add("riskLevel", "required");
    }
    checkTime(violations, "assessedAt", command.assessedAt(), report.reportedAt(), clock);
    violations.throwIfAny();
    Instant planDue = deadlines.planDue(command.assessedAt());
    apply(
        new InitialAssessmentRecordedEvent(
            caseId,
            command.assessedAt(),
            command.riskLevel(),
            command.emergencyMeasures(),
            !command.assessedAt().isAfter(initialAssessmentDueAt),
            planDue));
    deadlineManager.schedule(planDue, SUPPORT_PLAN, new SupportPlanDue(caseId, planDue));
    return version();
  }

  @CommandHandler
  long handle(RecordAssessmentCommand command, Clock clock) {
    requireOpen();
    if (assessedAt != null) {
      throw new RuleViolationException("case.assessment-recorded");
    }
    if (initialAssessedAt == null) {
      throw new RuleViolationException("case.initial-assessment-missing");
    }
    Violations violations = Violations.collect();
    checkTime(violations, "assessedAt", command.assessedAt(), initialAssessedAt, clock);
    Set<AbuseForm> forms = command.confirmedForms() == null ? Set.of() : command.confirmedForms();
    if (command.abuseConfirmed() && forms.isEmpty()) {
      violations.add("confirmedForms", "confirmed-forms-required");
    }
    if (!command.abuseConfirmed() && !forms.isEmpty()) {
      violations.add("confirmedForms", "confirmed-forms-without-confirmation");
    }
    violations.throwIfAny();
    apply(
        new CaseAssessedEvent(
            caseId,
            command.assessedAt(),
            command.abuseConfirmed(),
            List.copyOf(new TreeSet<>(forms)),
            command.needs()));
    return version();
  }

  @CommandHandler
  long handle(SubmitSupportPlanCommand command, Clock clock) {
    requireOpen();
    if (planApprovedAt != null) {
      throw new RuleViolationException("case.plan-approved");
    }
    if (assessedAt == null) {
      throw new RuleViolationException("case.assessment-missing");
    }
    Violations violations = Violations.collect();
    checkTime(violations, "submittedAt", command.submittedAt(), assessedAt, clock);
    List<Intervention> planned =
        command.interventions() == null ? List.of() : command.interventions();
    if (planned.isEmpty()) {
      violations.add("interventions", "required");
    }
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < planned.size(); i++) {
      Intervention intervention = planned.get(i);
      if (!ids.add(intervention.id())) {
        violations.add("interventions[" + i + "].id", "duplicate");
      }
      if (command.submittedAt() != null
          && intervention.dueOn().isBefore(VietnamTime.dateOf(command.submittedAt()))) {
        violations.add(
            "interventions[" + i + "].dueOn",
            "before-previous-step",
            SHOWN_DATE.format(VietnamTime.dateOf(command.submittedAt())));
      }
    }
    violations.throwIfAny();
    apply(
        new SupportPlanSubmittedEvent(
            caseId,
            command.submittedAt(),
            command.goals(),
            planned,
            planDueAt == null || !command.submittedAt().isAfter(planDueAt)));
    return version();
  }

  @CommandHandler
  long handle(
      ApproveSupportPlanCommand command,
      Clock clock,
      CaseDeadlines deadlines,
      DeadlineManager deadlineManager) {
    requireOpen();
    if (planApprovedAt != null) {
      throw new RuleViolationException("case.plan-approved");
    }
    if (planSubmittedAt == null) {
      throw new RuleViolationException("case.plan-missing");
    }
    Violations violations = Violations.collect();
    checkTime(violations, "approvedAt", command.approvedAt(), planSubmittedAt, clock);
    violations.throwIfAny();
    apply(new SupportPlanApprovedEvent(caseId, command.approvedAt()));
    interventions.values().forEach(i -> scheduleIntervention(i, deadlines, deadlineManager));
    return version();
  }

  /** The supervisor sends the plan back with what to change; the worker submits a new one. */
  @CommandHandler
  long handle(
      ReturnSupportPlanCommand command, Clock clock, @MetaDataValue(USERNAME) String returnedBy) {
    requireOpen();
    if (planApprovedAt != null) {
      throw new RuleViolationException("case.plan-approved");
    }
    if (planSubmittedAt == null) {
      throw new RuleViolationException("case.plan-missing");
    }
    Violations violations = Violations.collect();
    checkTime(violations, "returnedAt", command.returnedAt(), planSubmittedAt, clock);
    if (command.comment() == null || command.comment().isBlank()) {
      violations.add("comment", "required");
    }
    violations.throwIfAny();
    apply(
        new SupportPlanReturnedEvent(caseId, command.returnedAt(), command.comment(), returnedBy));
    return version();
  }

  @CommandHandler
  long handle(CompleteInterventionCommand command, Clock clock) {
    requireOpen();
    if (!interventions.containsKey(command.interventionId())) {
      throw new UnknownReferenceException("intervention");
    }
    if (planApprovedAt == null) {
      throw new RuleViolationException("case.plan-not-approved");
    }
    if (completed.contains(command.interventionId())) {
      throw new RuleViolationException("case.intervention-completed");
    }
    Violations violations = Violations.collect();
    checkDate(
        violations,
        "completedOn",
        command.completedOn(),
        VietnamTime.dateOf(planApprovedAt),
        clock);
    violations.throwIfAny();
    apply(
        new InterventionCompletedEvent(
            caseId,
            command.interventionId(),
            command.completedOn(),
            command.outcome(),
            completed.size() + 1 == interventions.size()));
    return version();
  }

  @CommandHandler
  long handle(TransferCaseCommand command, Clock clock) {
    requireOpen();
    Violations violations = Violations.collect();
    if (command.toAreaCode() == null) {
      violations.add("toAreaCode", "required");
    } else if (command.toAreaCode().equals(areaCode)) {
      violations.add("toAreaCode", "same-area");
    }
    if (!command.consentRecorded()) {
      violations.add("consentRecorded", "consent-required");
    }
    violations.throwIfAny();
    apply(
        new CaseTransferredEvent(
            caseId, areaCode, command.toAreaCode(), command.reason(), clock.instant()));
    return version();
  }

  /**
   * Closes the case. Its clocks stop counting: a deadline that comes due later finds the case
   * closed and records nothing. The scheduled deadlines are not deleted here, because deleting one
   * that is firing at that very moment fails (db-scheduler refuses to cancel a running task) and a
   * closure must never fail for that.
   */
  @CommandHandler
  long handle(CloseCaseCommand command, Clock clock, @MetaDataValue(USERNAME) String closedBy) {
    requireOpen();
    Violations violations = Violations.collect();
    if (command.reason() == null) {
      violations.add("reason", "required");
    }
    checkDate(
        violations, "closedOn", command.closedOn(), VietnamTime.dateOf(report.reportedAt()), clock);
    violations.throwIfAny();
    apply(new CaseClosedEvent(caseId, command.closedOn(), command.reason(), closedBy));
    return version();
  }

  @CommandHandler
  long handle(
      ReopenCaseCommand command,
      Clock clock,
      CaseDeadlines deadlines,
      DeadlineManager deadlineManager) {
    if (status != CaseStatus.CLOSED) {
      throw new RuleViolationException("case.not-closed");
    }
    Violations violations = Violations.collect();
    checkDate(violations, "reopenedOn", command.reopenedOn(), closedOn, clock);
    violations.throwIfAny();
    apply(
        new CaseReopenedEvent(caseId, command.reopenedOn(), command.reason(), statusBeforeClosure));
    // The clocks that were still running at closure run again; one already past fires at once.
    if (initialAssessedAt == null && !initialAssessmentMissed) {
      deadlineManager.schedule(
          initialAssessmentDueAt,
          INITIAL_ASSESSMENT,
          new InitialAssessmentDue(caseId, initialAssessmentDueAt));
    }
    if (planDueAt != null && planSubmittedAt == null && !planMissed) {
      deadlineManager.schedule(planDueAt, SUPPORT_PLAN, new SupportPlanDue(caseId, planDueAt));
    }
    if (planApprovedAt != null) {
      interventions.values().stream()
          .filter(i -> !completed.contains(i.id()) && !interventionsMissed.contains(i.id()))
          .forEach(i -> scheduleIntervention(i, deadlines, deadlineManager));
    }
    return version();
  }

  /** A referral to a provider of the directory, with the consent the law asks for. */
  @CommandHandler
  long handle(
      ReferCaseCommand command,
      Clock clock,
      CaseDeadlines deadlines,
      DeadlineManager deadlineManager) {
    requireOpen();
    if (referrals.containsKey(command.referralId())) {
      return version(); // the same referral again: its first answer
    }
    Violations violations = Violations.collect();
    if (command.providerId() == null) {
      violations.add("providerId", "required");
    }
    if (command.service() == null) {
      violations.add("service", "required");
    }
    if (!command.consentRecorded()) {
      violations.add("consentRecorded", "consent-required");
    }
    checkTime(violations, "referredAt", command.referredAt(), report.reportedAt(), clock);
    if (command.interventionId() != null && !interventions.containsKey(command.interventionId())) {
      violations.add("interventionId", "unknown-intervention");
    }
    violations.throwIfAny();
    Instant due = deadlines.referralAnswerDue(command.referredAt(), report.seriousDanger());
    apply(
        new CaseReferredEvent(
            caseId,
            command.referralId(),
            command.providerId(),
            command.service(),
            command.note(),
            command.referredAt(),
            due,
            command.interventionId()));
    deadlineManager.schedule(
        due,
        REFERRAL_ANSWER,
        new ReferralAnswerDue(caseId, command.referralId(), due),
        scope(caseId));
    return version();
  }

  /** A visit, a follow-up call, a working-group meeting or a plan review, on a case still open. */
  @CommandHandler
  long handle(vn.cpms.kernel.cases.RecordCaseNoteCommand command, Clock clock) {
    requireOpen();
    if (notes.contains(command.noteId())) {
      return version(); // the same note again
    }
    Violations violations = Violations.collect();
    if (command.kind() == null) {
      violations.add("kind", "required");
    }
    checkDate(violations, "on", command.on(), VietnamTime.dateOf(report.reportedAt()), clock);
    if (command.text() == null || command.text().isBlank()) {
      violations.add("text", "required");
    }
    violations.throwIfAny();
    apply(
        new vn.cpms.kernel.cases.CaseNoteRecordedEvent(
            caseId,
            command.noteId(),
            command.kind(),
            command.on(),
            command.participants(),
            command.text()));
    return version();
  }

  /** A person suspected of the abuse, with no identity: what the circulars count. */
  @CommandHandler
  long handle(vn.cpms.kernel.cases.RecordAbuserCommand command) {
    Violations violations = Violations.collect();
    if (command.relationship() == null) {
      violations.add("relationship", "required");
    }
    if (command.sex() == null) {
      violations.add("sex", "required");
    }
    if (command.ageGroup() == null) {
      violations.add("ageGroup", "required");
    }
    violations.throwIfAny();
    apply(
        new vn.cpms.kernel.cases.AbuserRecordedEvent(
            caseId,
            command.abuserId(),
            command.relationship(),
            command.sex(),
            command.ageGroup(),
            command.policeNotified()));
    return version();
  }

  /** The legal handling of a person the case records; the latest outcome counts. */
  @CommandHandler
  long handle(vn.cpms.kernel.cases.RecordLegalOutcomeCommand command, Clock clock) {
    if (!abusers.contains(command.abuserId())) {
      throw new UnknownReferenceException("abuser");
    }
    Violations violations = Violations.collect();
    if (command.outcome() == null) {
      violations.add("outcome", "required");
    }
    checkDate(violations, "on", command.on(), VietnamTime.dateOf(report.reportedAt()), clock);
    violations.throwIfAny();
    apply(
        new vn.cpms.kernel.cases.LegalOutcomeRecordedEvent(
            caseId, command.abuserId(), command.outcome(), command.on()));
    return version();
  }

  // --- deadlines ------------------------------------------------------------------------------

  @DeadlineHandler(deadlineName = REFERRAL_ANSWER)
  void on(ReferralAnswerDue deadline) {
    Referral referral = referrals.get(deadline.referralId());
    if (status != CaseStatus.CLOSED && referral != null) {
      referral.missAnswer(deadline.dueAt());
    }
  }

  @DeadlineHandler(deadlineName = INITIAL_ASSESSMENT)
  void on(InitialAssessmentDue deadline) {
    if (status != CaseStatus.CLOSED && initialAssessedAt == null && !initialAssessmentMissed) {
      apply(new InitialAssessmentDeadlineMissedEvent(caseId, deadline.dueAt()));
    }
  }

  @DeadlineHandler(deadlineName = SUPPORT_PLAN)
  void on(SupportPlanDue deadline) {
    if (status != CaseStatus.CLOSED && planSubmittedAt == null && !planMissed) {
      apply(new SupportPlanDeadlineMissedEvent(caseId, deadline.dueAt()));
    }
  }

  @DeadlineHandler(deadlineName = INTERVENTION)
  void on(InterventionDue deadline) {
    UUID id = deadline.interventionId();
    if (status != CaseStatus.CLOSED
        && interventions.containsKey(id)
        && !completed.contains(id)
        && !interventionsMissed.contains(id)) {
      apply(new InterventionDeadlineMissedEvent(caseId, id, deadline.dueOn()));
    }
  }

  // --- rules ----------------------------------------------------------------------------------

  private void requireOpen() {
    if (status == CaseStatus.CLOSED) {
      throw new RuleViolationException("case.closed");
    }
  }

  private void scheduleIntervention(
      Intervention intervention, CaseDeadlines deadlines, DeadlineManager deadlineManager) {
    deadlineManager.schedule(
        deadlines.interventionDue(intervention.dueOn()),
        INTERVENTION,
        new InterventionDue(caseId, intervention.id(), intervention.dueOn()));
  }

  /** How a refusal names the earliest time or date a step may have, in Vietnam time. */
  static final java.time.format.DateTimeFormatter SHOWN_TIME =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VietnamTime.ZONE);

  static final java.time.format.DateTimeFormatter SHOWN_DATE =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** A step's time: given, not in the future, not before the step it follows. */
  static void checkTime(
      Violations violations, String field, Instant time, Instant notBefore, Clock clock) {
    if (time == null) {
      violations.add(field, "required");
    } else if (time.isAfter(clock.instant().plus(CLOCK_SKEW))) {
      violations.add(field, "future-date");
    } else if (time.isBefore(notBefore)) {
      // the earliest time allowed, so that each refusal says what it is measured against
      violations.add(field, "before-previous-step", SHOWN_TIME.format(notBefore));
    }
  }

  static void checkDate(
      Violations violations, String field, LocalDate date, LocalDate notBefore, Clock clock) {
    if (date == null) {
      violations.add(field, "required");
    } else if (date.isAfter(LocalDate.now(clock.withZone(VietnamTime.ZONE)))) {
      violations.add(field, "future-date");
    } else if (date.isBefore(notBefore)) {
      violations.add(field, "before-previous-step", SHOWN_DATE.format(notBefore));
    }
  }

  /** The scope the aggregate itself describes (its identifier object), so that cancelling works. */
  private static ScopeDescriptor scope(CaseId caseId) {
    return new AggregateScopeDescriptor(ChildCase.class.getSimpleName(), caseId);
  }

  // --- state ----------------------------------------------------------------------------------

  @EventSourcingHandler
  void on(CaseReportedEvent event) {
    this.caseId = event.caseId();
    this.status = CaseStatus.REPORTED;
    this.report = event;
    this.areaCode = event.areaCode();
    this.initialAssessmentDueAt = event.initialAssessmentDueAt();
  }

  @EventSourcingHandler
  void on(CaseAssignedEvent event) {
    this.assignee = event.workerUsername();
    if (status == CaseStatus.REPORTED) {
      status = CaseStatus.ASSIGNED;
    }
  }

  @EventSourcingHandler
  void on(InitialAssessmentRecordedEvent event) {
    this.initialAssessedAt = event.assessedAt();
    this.planDueAt = event.planDueAt();
    this.status = CaseStatus.INITIALLY_ASSESSED;
  }

  @EventSourcingHandler
  void on(CaseAssessedEvent event) {
    this.assessedAt = event.assessedAt();
    this.status = CaseStatus.ASSESSED;
  }

  @EventSourcingHandler
  void on(SupportPlanSubmittedEvent event) {
    this.planSubmittedAt = event.submittedAt();
    interventions.clear();
    event.interventions().forEach(i -> interventions.put(i.id(), i));
    this.status = CaseStatus.PLAN_SUBMITTED;
  }

  @EventSourcingHandler
  void on(vn.cpms.kernel.cases.AbuserRecordedEvent event) {
    abusers.add(event.abuserId());
  }

  @EventSourcingHandler
  void on(vn.cpms.kernel.cases.CaseNoteRecordedEvent event) {
    notes.add(event.noteId());
  }

  @EventSourcingHandler
  void on(CaseReferredEvent event) {
    referrals.put(event.referralId(), new Referral(event));
  }

  @EventSourcingHandler
  void on(SupportPlanReturnedEvent event) {
    this.planSubmittedAt = null;
    interventions.clear();
    this.status = CaseStatus.ASSESSED;
  }

  @EventSourcingHandler
  void on(SupportPlanApprovedEvent event) {
    this.planApprovedAt = event.approvedAt();
    this.status = CaseStatus.PLAN_APPROVED;
  }

  @EventSourcingHandler
  void on(InterventionCompletedEvent event) {
    completed.add(event.interventionId());
    if (event.allCompleted()) {
      status = CaseStatus.INTERVENTIONS_COMPLETED;
    }
  }

  @EventSourcingHandler
  void on(CaseTransferredEvent event) {
    this.areaCode = event.toAreaCode();
  }

  @EventSourcingHandler
  void on(CaseClosedEvent event) {
    this.statusBeforeClosure = status;
    this.status = CaseStatus.CLOSED;
    this.closedOn = event.closedOn();
  }

  @EventSourcingHandler
  void on(CaseReopenedEvent event) {
    this.status = event.status();
  }

  @EventSourcingHandler
  void on(InitialAssessmentDeadlineMissedEvent event) {
    this.initialAssessmentMissed = true;
  }

  @EventSourcingHandler
  void on(SupportPlanDeadlineMissedEvent event) {
    this.planMissed = true;
  }

  @EventSourcingHandler
  void on(InterventionDeadlineMissedEvent event) {
    interventionsMissed.add(event.interventionId());
  }
}
