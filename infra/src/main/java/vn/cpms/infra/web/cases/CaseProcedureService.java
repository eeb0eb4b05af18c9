package vn.cpms.infra.web.cases;

import static vn.cpms.infra.web.RequestValidation.code;
import static vn.cpms.infra.web.RequestValidation.codes;
import static vn.cpms.infra.web.RequestValidation.maxLength;
import static vn.cpms.infra.web.RequestValidation.required;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.web.ApiMessages;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.ApproveSupportPlanCommand;
import vn.cpms.kernel.cases.AssignCaseCommand;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseTimeline;
import vn.cpms.kernel.cases.CaseView;
import vn.cpms.kernel.cases.CloseCaseCommand;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.cases.CompleteInterventionCommand;
import vn.cpms.kernel.cases.FindCaseQuery;
import vn.cpms.kernel.cases.FindCaseTimelineQuery;
import vn.cpms.kernel.cases.Intervention;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.RecordAssessmentCommand;
import vn.cpms.kernel.cases.RecordInitialAssessmentCommand;
import vn.cpms.kernel.cases.ReopenCaseCommand;
import vn.cpms.kernel.cases.ReturnSupportPlanCommand;
import vn.cpms.kernel.cases.RiskLevel;
import vn.cpms.kernel.cases.SubmitSupportPlanCommand;
import vn.cpms.kernel.cases.TransferCaseCommand;

/**
 * The steps of the Decree 56/2017 procedure on an existing case. Each answers {@code 200} with the
 * case's new version once its events are committed; {@code If-Match: "<version>"} makes the step
 * fail with {@code 409} when the case has moved on since the user read it.
 */
@org.springframework.stereotype.Service
public class CaseProcedureService {
  static final int MAX_TEXT = 10_000;

  private final CommandSender commands;
  private final QueryGateway queries;
  private final ApiMessages messages;
  private final CallerScope scope;
  private final vn.cpms.infra.security.UserStore users;
  private final vn.cpms.infra.web.KnownAreas known;

  public CaseProcedureService(
      CommandSender commands,
      QueryGateway queries,
      ApiMessages messages,
      CallerScope scope,
      vn.cpms.infra.security.UserStore users,
      vn.cpms.infra.web.KnownAreas known) {
    this.known = known;
    this.commands = commands;
    this.queries = queries;
    this.messages = messages;
    this.scope = scope;
    this.users = users;
  }

  public CommandSender.Updated assign(
      UUID id, Long expectedVersion, CaseStepRequests.Assignment body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    if (required(v, "workerUsername", body.workerUsername())
        && users.find(body.workerUsername().strip()).isEmpty()) {
      v.add("workerUsername", "unknown-user");
    }
    maxLength(v, "workerUsername", body.workerUsername(), 100);
    v.throwIfAny();
    return commands.updated(
        id, new AssignCaseCommand(new CaseId(id), body.workerUsername().strip(), expectedVersion));
  }

  public CommandSender.Updated initialAssessment(
      UUID id, Long expectedVersion, CaseStepRequests.InitialAssessment body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    required(v, "assessedAt", body.assessedAt());
    RiskLevel risk = code(v, "riskLevel", body.riskLevel(), RiskLevel.class, "risk-level");
    maxLength(v, "emergencyMeasures", body.emergencyMeasures(), MAX_TEXT);
    v.throwIfAny();
    return commands.updated(
        id,
        new RecordInitialAssessmentCommand(
            new CaseId(id),
            instant(body.assessedAt()),
            risk,
            body.emergencyMeasures(),
            expectedVersion));
  }

  public CommandSender.Updated assessment(
      UUID id, Long expectedVersion, CaseStepRequests.Assessment body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    required(v, "assessedAt", body.assessedAt());
    required(v, "abuseConfirmed", body.abuseConfirmed());
    List<AbuseForm> forms =
        codes(v, "confirmedForms", body.confirmedForms(), AbuseForm.class, "abuse-form");
    maxLength(v, "needs", body.needs(), MAX_TEXT);
    v.throwIfAny();
    return commands.updated(
        id,
        new RecordAssessmentCommand(
            new CaseId(id),
            instant(body.assessedAt()),
            body.abuseConfirmed(),
            new HashSet<>(forms),
            body.needs(),
            expectedVersion));
  }

  public CommandSender.Updated plan(UUID id, Long expectedVersion, CaseStepRequests.Plan body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    required(v, "submittedAt", body.submittedAt());
    required(v, "goals", body.goals());
    maxLength(v, "goals", body.goals(), MAX_TEXT);
    List<Intervention> interventions = new ArrayList<>();
    if (body.interventions() == null || body.interventions().isEmpty()) {
      v.add("interventions", "required");
    } else {
      for (int i = 0; i < body.interventions().size(); i++) {
        CaseStepRequests.PlannedIntervention p = body.interventions().get(i);
        String field = "interventions[" + i + "]";
        if (p == null) {
          v.add(field, "required");
          continue;
        }
        InterventionType type =
            code(v, field + ".type", p.type(), InterventionType.class, "intervention-type");
        required(v, field + ".dueOn", p.dueOn());
        required(v, field + ".provider", p.provider());
        maxLength(v, field + ".provider", p.provider(), 300);
        if (type != null && p.dueOn() != null) {
          interventions.add(
              new Intervention(
                  p.id() == null ? UUID.randomUUID() : p.id(), type, p.provider(), p.dueOn()));
        }
      }
    }
    v.throwIfAny();
    return commands.updated(
        id,
        new SubmitSupportPlanCommand(
            new CaseId(id),
            instant(body.submittedAt()),
            body.goals(),
            interventions,
            expectedVersion));
  }

  public CommandSender.Updated approve(
      UUID id, Long expectedVersion, CaseStepRequests.Approval body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    required(v, "approvedAt", body.approvedAt());
    v.throwIfAny();
    return commands.updated(
        id,
        new ApproveSupportPlanCommand(new CaseId(id), instant(body.approvedAt()), expectedVersion));
  }

  /** The supervisor sends the submitted plan back to the worker, saying what to change. */
  public CommandSender.Updated returnPlan(
      UUID id, Long expectedVersion, CaseStepRequests.PlanReturn body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    required(v, "returnedAt", body.returnedAt());
    v.throwIfAny();
    return commands.updated(
        id,
        new ReturnSupportPlanCommand(
            new CaseId(id), instant(body.returnedAt()), body.comment(), expectedVersion));
  }

  public CommandSender.Updated completeIntervention(
      UUID id, UUID interventionId, Long expectedVersion, CaseStepRequests.Completion body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    required(v, "completedOn", body.completedOn());
    required(v, "outcome", body.outcome());
    maxLength(v, "outcome", body.outcome(), MAX_TEXT);
    v.throwIfAny();
    return commands.updated(
        id,
        new CompleteInterventionCommand(
            new CaseId(id), interventionId, body.completedOn(), body.outcome(), expectedVersion));
  }

  public CommandSender.Updated transfer(
      UUID id, Long expectedVersion, CaseStepRequests.Transfer body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    AreaCode to = CaseRequests.area(v, "toAreaCode", body.toAreaCode());
    known.checkCommune(
        v, "toAreaCode", to, java.time.LocalDate.now(vn.cpms.kernel.VietnamTime.ZONE));
    required(v, "consentRecorded", body.consentRecorded());
    required(v, "reason", body.reason());
    maxLength(v, "reason", body.reason(), MAX_TEXT);
    v.throwIfAny();
    return commands.updated(
        id,
        new TransferCaseCommand(
            new CaseId(id), to, body.consentRecorded(), body.reason(), expectedVersion));
  }

  public CommandSender.Updated close(UUID id, Long expectedVersion, CaseStepRequests.Closure body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    required(v, "closedOn", body.closedOn());
    ClosureReason reason = code(v, "reason", body.reason(), ClosureReason.class, "closure-reason");
    v.throwIfAny();
    return commands.updated(
        id, new CloseCaseCommand(new CaseId(id), body.closedOn(), reason, expectedVersion));
  }

  public CommandSender.Updated reopen(
      UUID id, Long expectedVersion, CaseStepRequests.Reopening body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    required(v, "reopenedOn", body.reopenedOn());
    required(v, "reason", body.reason());
    maxLength(v, "reason", body.reason(), MAX_TEXT);
    v.throwIfAny();
    return commands.updated(
        id,
        new ReopenCaseCommand(new CaseId(id), body.reopenedOn(), body.reason(), expectedVersion));
  }

  /** Every event of the case, oldest first: what (in the caller's language), when, who. */
  public TimelineResource timeline(UUID id) {
    boolean visible =
        queries
            .query(
                new FindCaseQuery(new CaseId(id)), ResponseTypes.optionalInstanceOf(CaseView.class))
            .join()
            .filter(found -> scope.allows(found.areaCode()))
            .isPresent();
    if (!visible) {
      throw new vn.cpms.infra.web.NotFoundException("case");
    }
    CaseTimeline timeline =
        queries
            .query(
                new FindCaseTimelineQuery(new CaseId(id)),
                ResponseTypes.instanceOf(CaseTimeline.class))
            .join();
    if (timeline.entries().isEmpty()) {
      throw new vn.cpms.infra.web.NotFoundException("case");
    }
    return new TimelineResource(
        id,
        timeline.entries().stream()
            .map(
                e ->
                    new TimelineResource.Entry(
                        e.sequence(),
                        e.type(),
                        messages.get("timeline." + e.type()),
                        CaseResource.local(e.occurredAt()),
                        e.recordedBy(),
                        e.details()))
            .toList());
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /** The timeline of a case. */
  public record TimelineResource(UUID caseId, List<Entry> entries) {
    /** One event: {@code type} (stable), {@code what} (words), when, who, codes and dates. */
    public record Entry(
        long sequence,
        String type,
        String what,
        OffsetDateTime at,
        String by,
        Map<String, String> details) {}
  }
}
