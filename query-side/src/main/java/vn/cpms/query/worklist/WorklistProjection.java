package vn.cpms.query.worklist;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseAssessedEvent;
import vn.cpms.kernel.cases.CaseAssignedEvent;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CasePage;
import vn.cpms.kernel.cases.CaseReopenedEvent;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.CaseStatus;
import vn.cpms.kernel.cases.CaseTransferredEvent;
import vn.cpms.kernel.cases.CaseView;
import vn.cpms.kernel.cases.CaseView.InterventionView;
import vn.cpms.kernel.cases.CaseView.Overdue;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.cases.FindCaseQuery;
import vn.cpms.kernel.cases.FindCasesQuery;
import vn.cpms.kernel.cases.InitialAssessmentDeadlineMissedEvent;
import vn.cpms.kernel.cases.InitialAssessmentRecordedEvent;
import vn.cpms.kernel.cases.Intervention;
import vn.cpms.kernel.cases.InterventionCompletedEvent;
import vn.cpms.kernel.cases.InterventionDeadlineMissedEvent;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.RiskLevel;
import vn.cpms.kernel.cases.SupportPlanApprovedEvent;
import vn.cpms.kernel.cases.SupportPlanDeadlineMissedEvent;
import vn.cpms.kernel.cases.SupportPlanReturnedEvent;
import vn.cpms.kernel.cases.SupportPlanSubmittedEvent;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildIdentityErasedEvent;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.contacts.ContactId;
import vn.cpms.query.jdbc.BatchedWrites;
import vn.cpms.query.jdbc.ProjectionWrites;
import vn.cpms.query.privacy.PersonalText;

/**
 * The worklist of protection workers and the case page: one row per case in {@code worklist_case},
 * the current plan's interventions in {@code worklist_intervention}. Every update is guarded by the
 * case's version, so a replayed event changes nothing and the projection can be rebuilt from zero
 * at any time.
 */
@ProcessingGroup(WorklistProjection.PROCESSING_GROUP)
public class WorklistProjection implements vn.cpms.query.jdbc.ReadModel {
  /** The tables this projection fills and its reset empties. */
  static final List<String> TABLES = List.of("worklist_case", "worklist_intervention");

  @Override
  public List<String> tables() {
    return TABLES;
  }

  public static final String PROCESSING_GROUP = "worklist";

  // Each clock is true or false, never NULL: a case without a plan clock yet (plan_due_at NULL)
  // made the whole expression NULL, which PostgreSQL sorts first in "desc" and which "not" never
  // matches, so new cases sorted above overdue ones and fell out of overdue=false (issue 19).
  private static final String INITIAL_OVERDUE =
      "coalesce(c.status <> 'CLOSED' and c.initially_assessed_at is null"
          + " and c.initial_assessment_due_at < :now, false)";
  private static final String PLAN_OVERDUE =
      "coalesce(c.status <> 'CLOSED' and c.plan_submitted_at is null and c.plan_due_at < :now,"
          + " false)";
  private static final String INTERVENTIONS_OVERDUE =
      "coalesce(c.status <> 'CLOSED' and c.plan_approved_at is not null and exists (select 1 from"
          + " worklist_intervention i where i.case_id = c.case_id and i.completed_on is null"
          + " and i.due_on < :today), false)";
  private static final String OVERDUE =
      "(" + INITIAL_OVERDUE + " or " + PLAN_OVERDUE + " or " + INTERVENTIONS_OVERDUE + ")";

  /** A follow-up write of an event applies only if the event's update of the case row did. */
  private static final String APPLIED =
      "exists (select 1 from worklist_case w where w.case_id = :caseId and w.version = :seq)";

  private final NamedParameterJdbcTemplate jdbc;
  private final BatchedWrites writes;
  private final Clock clock;
  private final PersonalText personal;

  public WorklistProjection(
      NamedParameterJdbcTemplate jdbc,
      Clock clock,
      PersonalText personal,
      ProjectionWrites projectionWrites) {
    this.jdbc = jdbc;
    this.personal = personal;
    this.writes = projectionWrites.of(PROCESSING_GROUP);
    this.clock = clock;
  }

  // --- events ---------------------------------------------------------------------------------

  @EventHandler
  void on(CaseReportedEvent event, @SequenceNumber long sequence) {
    writes.update(
        event.caseId(),
        "insert into worklist_case (case_id, child_id, status, area_code, reported_area_code,"
            + " channel, reported_at, suspected_forms, serious_danger, description, child_sex,"
            + " child_age_years, initial_assessment_due_at, initial_assessment_done, contact_id,"
            + " version) values (:caseId, :childId, 'REPORTED', :area, :area, :channel,"
            + " :reportedAt, :forms, :serious, :description, :sex, :age, :due, false, :contactId,"
            + " :version) on conflict (case_id) do nothing",
        new MapSqlParameterSource()
            .addValue("caseId", event.caseId().value())
            .addValue("childId", event.childId().value())
            .addValue("area", event.areaCode().value())
            .addValue("channel", event.channel().name())
            .addValue("reportedAt", timestamp(event.reportedAt()))
            .addValue("forms", csv(event.suspectedForms()))
            .addValue("serious", event.seriousDanger())
            // sealed with the case's key, which the child's erasure destroys (issue 17)
            .addValue(
                "description",
                personal.seal(event.caseId().value(), event.childId().value(), event.description()))
            .addValue("sex", event.child().sex().name())
            .addValue("age", event.child().ageYears())
            .addValue("due", timestamp(event.initialAssessmentDueAt()))
            .addValue("contactId", event.contactId() == null ? null : event.contactId().value())
            .addValue("version", sequence));
  }

  /** The report's description of an erased child's cases is erased with it. */
  @EventHandler
  void on(ChildIdentityErasedEvent event) {
    writes.updateAll(
        "update worklist_case set description = null where child_id = :child",
        new MapSqlParameterSource("child", event.childId().value()));
  }

  @EventHandler
  void on(CaseAssignedEvent event, @SequenceNumber long sequence) {
    update(
        event.caseId(),
        sequence,
        "assignee = :worker, status = case when status = 'REPORTED' then 'ASSIGNED' else status end",
        Map.of("worker", event.workerUsername()));
  }

  @EventHandler
  void on(InitialAssessmentRecordedEvent event, @SequenceNumber long sequence) {
    update(
        event.caseId(),
        sequence,
        "status = 'INITIALLY_ASSESSED', initially_assessed_at = :at, initial_assessment_done = true,"
            + " risk_level = :risk, plan_due_at = :planDue",
        Map.of(
            "at", timestamp(event.assessedAt()),
            "risk", event.riskLevel().name(),
            "planDue", timestamp(event.planDueAt())));
  }

  @EventHandler
  void on(CaseAssessedEvent event, @SequenceNumber long sequence) {
    update(
        event.caseId(),
        sequence,
        "status = 'ASSESSED', abuse_confirmed = :confirmed, confirmed_forms = :forms",
        Map.of("confirmed", event.abuseConfirmed(), "forms", csv(event.confirmedForms())));
  }

  @EventHandler
  void on(SupportPlanSubmittedEvent event, @SequenceNumber long sequence) {
    update(
        event.caseId(),
        sequence,
        "status = 'PLAN_SUBMITTED', plan_submitted_at = :at, plan_goals = :goals,"
            + " plan_returned_at = null, plan_returned_by = null, plan_return_comment = null",
        params(
            "at",
            timestamp(event.submittedAt()),
            "goals",
            personal.seal(event.caseId().value(), null, event.goals())));
    writes.update(
        event.caseId(),
        "delete from worklist_intervention where case_id = :caseId and " + APPLIED,
        caseAndSequence(event.caseId(), sequence));
    int position = 0;
    for (Intervention i : event.interventions()) {
      writes.update(
          event.caseId(),
          "insert into worklist_intervention (case_id, intervention_id, position, type, provider,"
              + " due_on) select :caseId, :id, :position, :type, :provider, :dueOn where "
              + APPLIED,
          caseAndSequence(event.caseId(), sequence)
              .addValue("id", i.id())
              .addValue("position", position++)
              .addValue("type", i.type().name())
              .addValue(
                  "provider",
                  personal.seal(event.caseId().value(), null, i.provider()),
                  java.sql.Types.VARCHAR)
              .addValue("dueOn", Date.valueOf(i.dueOn())));
    }
  }

  /** A plan sent back: the case waits for a new plan, with the supervisor's comment. */
  @EventHandler
  void on(SupportPlanReturnedEvent event, @SequenceNumber long sequence) {
    update(
        event.caseId(),
        sequence,
        "status = 'ASSESSED', plan_submitted_at = null, plan_returned_at = :at,"
            + " plan_returned_by = :by, plan_return_comment = :comment",
        params(
            "at",
            timestamp(event.returnedAt()),
            "by",
            event.returnedBy(),
            "comment",
            personal.seal(event.caseId().value(), null, event.comment())));
    writes.update(
        event.caseId(),
        "delete from worklist_intervention where case_id = :caseId and " + APPLIED,
        caseAndSequence(event.caseId(), sequence));
  }

  /** Named values, {@code null}s allowed (a plan without goals, a return by the system). */
  private static Map<String, Object> params(Object... namesAndValues) {
    Map<String, Object> values = new java.util.HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  @EventHandler
  void on(SupportPlanApprovedEvent event, @SequenceNumber long sequence) {
    update(
        event.caseId(),
        sequence,
        "status = 'PLAN_APPROVED', plan_approved_at = :at",
        Map.of("at", timestamp(event.approvedAt())));
  }

  @EventHandler
  void on(InterventionCompletedEvent event, @SequenceNumber long sequence) {
    update(
        event.caseId(),
        sequence,
        event.allCompleted() ? "status = 'INTERVENTIONS_COMPLETED'" : "status = status",
        Map.of());
    writes.update(
        event.caseId(),
        "update worklist_intervention set completed_on = :on"
            + " where case_id = :caseId and intervention_id = :id and "
            + APPLIED,
        caseAndSequence(event.caseId(), sequence)
            .addValue("on", Date.valueOf(event.completedOn()))
            .addValue("id", event.interventionId()));
  }

  @EventHandler
  void on(CaseTransferredEvent event, @SequenceNumber long sequence) {
    update(event.caseId(), sequence, "area_code = :to", Map.of("to", event.toAreaCode().value()));
  }

  @EventHandler
  void on(CaseClosedEvent event, @SequenceNumber long sequence) {
    update(
        event.caseId(),
        sequence,
        "status = 'CLOSED', closed_on = :on, closure_reason = :reason",
        Map.of("on", Date.valueOf(event.closedOn()), "reason", event.reason().name()));
  }

  @EventHandler
  void on(CaseReopenedEvent event, @SequenceNumber long sequence) {
    Map<String, Object> params = new HashMap<>();
    params.put("status", event.status().name());
    update(
        event.caseId(),
        sequence,
        "status = :status, closed_on = null, closure_reason = null",
        params);
  }

  @EventHandler
  void on(InitialAssessmentDeadlineMissedEvent event, @SequenceNumber long sequence) {
    update(event.caseId(), sequence, "initial_assessment_missed = true", Map.of());
  }

  @EventHandler
  void on(SupportPlanDeadlineMissedEvent event, @SequenceNumber long sequence) {
    update(event.caseId(), sequence, "plan_missed = true", Map.of());
  }

  @EventHandler
  void on(InterventionDeadlineMissedEvent event, @SequenceNumber long sequence) {
    update(event.caseId(), sequence, "status = status", Map.of());
    writes.update(
        event.caseId(),
        "update worklist_intervention set missed = true"
            + " where case_id = :caseId and intervention_id = :id and "
            + APPLIED,
        caseAndSequence(event.caseId(), sequence).addValue("id", event.interventionId()));
  }

  /** Applies {@code set} and the new version if the row has not seen this event yet. */
  private void update(CaseId caseId, long sequence, String set, Map<String, ?> values) {
    writes.update(
        caseId,
        "update worklist_case set "
            + set
            + ", version = :seq where case_id = :caseId and version < :seq",
        caseAndSequence(caseId, sequence).addValues(values));
  }

  /**
   * The case and the event's sequence: the parameters of the case row's update and of the writes
   * that follow it for the same event ({@link #APPLIED}), so that a replayed event the row has
   * already seen changes nothing in either.
   */
  private static MapSqlParameterSource caseAndSequence(CaseId caseId, long sequence) {
    return new MapSqlParameterSource().addValue("caseId", caseId.value()).addValue("seq", sequence);
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }

  // --- queries --------------------------------------------------------------------------------

  @QueryHandler
  public Optional<CaseView> handle(FindCaseQuery query) {
    MapSqlParameterSource params = clockParams().addValue("id", query.caseId().value());
    List<CaseView> rows = jdbc.query(select("where c.case_id = :id"), params, this::row);
    return rows.stream().findFirst().map(v -> opened(List.of(v)).get(0));
  }

  @QueryHandler
  public CasePage handle(FindCasesQuery query) {
    StringBuilder where = new StringBuilder("where true");
    MapSqlParameterSource params = clockParams();
    if (query.areas() != null) {
      if (query.areas().isEmpty()) {
        where.append(" and false");
      } else {
        where.append(" and c.area_code in (:areas)");
        params.addValue("areas", query.areas().stream().map(AreaCode::value).toList());
      }
    }
    if (query.status() != null) {
      where.append(" and c.status = :status");
      params.addValue("status", query.status().name());
    }
    if (query.assignee() != null) {
      where.append(" and c.assignee = :assignee");
      params.addValue("assignee", query.assignee());
    }
    if (query.overdue() != null) {
      where.append(query.overdue() ? " and " : " and not ").append(OVERDUE);
    }
    if (query.caseNumber() != null) {
      // the case number is the id's last digits (CaseId.number); V24 indexes the expression
      where.append(" and right(c.case_id::text, " + CaseId.NUMBER_LENGTH + ") = :number");
      params.addValue("number", query.caseNumber().strip().toLowerCase(java.util.Locale.ROOT));
    }
    if (query.children() != null) {
      if (query.children().isEmpty()) {
        where.append(" and false");
      } else {
        where.append(" and c.child_id in (:children)");
        params.addValue("children", query.children().stream().map(ChildId::value).toList());
      }
    }
    Long total =
        jdbc.queryForObject("select count(*) from worklist_case c " + where, params, Long.class);
    params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
    List<CaseView> items =
        jdbc.query(
            select(
                where
                    + " order by "
                    + OVERDUE
                    + " desc, (c.status = 'CLOSED'), coalesce(c.initial_assessment_due_at,"
                    + " c.reported_at), c.case_id limit :limit offset :offset"),
            params,
            this::row);
    return new CasePage(opened(items), query.page(), query.size(), total == null ? 0 : total);
  }

  private MapSqlParameterSource clockParams() {
    Instant now = clock.instant();
    return new MapSqlParameterSource()
        .addValue("now", timestamp(now))
        .addValue("today", Date.valueOf(VietnamTime.dateOf(now)));
  }

  private static String select(String rest) {
    return "select c.*, "
        + INITIAL_OVERDUE
        + " as initial_overdue, "
        + PLAN_OVERDUE
        + " as plan_overdue, "
        + INTERVENTIONS_OVERDUE
        + " as interventions_overdue from worklist_case c "
        + rest;
  }

  private CaseView row(ResultSet rs, int row) throws SQLException {
    String contact = rs.getString("contact_id");
    String risk = rs.getString("risk_level");
    String reason = rs.getString("closure_reason");
    Date closedOn = rs.getDate("closed_on");
    return new CaseView(
        new CaseId(rs.getObject("case_id", UUID.class)),
        new ChildId(rs.getObject("child_id", UUID.class)),
        CaseStatus.valueOf(rs.getString("status")),
        new AreaCode(rs.getString("area_code")),
        new AreaCode(rs.getString("reported_area_code")),
        Channel.valueOf(rs.getString("channel")),
        instant(rs, "reported_at"),
        forms(rs.getString("suspected_forms")),
        rs.getBoolean("serious_danger"),
        rs.getString("description"),
        Sex.valueOf(rs.getString("child_sex")),
        (Integer) rs.getObject("child_age_years"),
        rs.getString("assignee"),
        risk == null ? null : RiskLevel.valueOf(risk),
        (Boolean) rs.getObject("abuse_confirmed"),
        forms(rs.getString("confirmed_forms")),
        instant(rs, "initial_assessment_due_at"),
        instant(rs, "initially_assessed_at"),
        instant(rs, "plan_due_at"),
        instant(rs, "plan_submitted_at"),
        instant(rs, "plan_approved_at"),
        List.of(),
        closedOn == null ? null : closedOn.toLocalDate(),
        reason == null ? null : ClosureReason.valueOf(reason),
        new Overdue(
            rs.getBoolean("initial_overdue"),
            rs.getBoolean("plan_overdue"),
            rs.getBoolean("interventions_overdue")),
        contact == null ? null : ContactId.parse(contact),
        rs.getLong("version"),
        new CaseView.PlanReview(
            rs.getString("plan_goals"),
            instant(rs, "plan_returned_at"),
            rs.getString("plan_returned_by"),
            rs.getString("plan_return_comment")));
  }

  /**
   * The page's rows with their sealed texts (description, plan goals, return comment) opened, the
   * keys of all in one round trip.
   */
  private List<CaseView> opened(List<CaseView> items) {
    List<String> sealed = new java.util.ArrayList<>();
    for (CaseView v : items) {
      sealed.add(v.description());
      sealed.add(v.review().goals());
      sealed.add(v.review().returnComment());
    }
    List<String> texts = personal.openAll(sealed);
    List<CaseView> opened = new java.util.ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      CaseView.PlanReview review = items.get(i).review();
      opened.add(
          withInterventions(
              items.get(i),
              texts.get(3 * i),
              new CaseView.PlanReview(
                  texts.get(3 * i + 1),
                  review.returnedAt(),
                  review.returnedBy(),
                  texts.get(3 * i + 2))));
    }
    return opened;
  }

  private CaseView withInterventions(CaseView v, String description, CaseView.PlanReview review) {
    LocalDate today = VietnamTime.dateOf(clock.instant());
    boolean running = v.status() != CaseStatus.CLOSED && v.planApprovedAt() != null;
    List<InterventionView> interventions =
        jdbc.query(
            "select * from worklist_intervention where case_id = :id order by position",
            Map.of("id", v.caseId().value()),
            (rs, i) -> {
              LocalDate due = rs.getDate("due_on").toLocalDate();
              Date completed = rs.getDate("completed_on");
              return new InterventionView(
                  rs.getObject("intervention_id", UUID.class),
                  InterventionType.valueOf(rs.getString("type")),
                  personal.open(rs.getString("provider")),
                  due,
                  completed == null ? null : completed.toLocalDate(),
                  running && completed == null && due.isBefore(today));
            });
    return new CaseView(
        v.caseId(),
        v.childId(),
        v.status(),
        v.areaCode(),
        v.reportedAreaCode(),
        v.channel(),
        v.reportedAt(),
        v.suspectedForms(),
        v.seriousDanger(),
        description,
        v.childSex(),
        v.childAgeYears(),
        v.assignee(),
        v.riskLevel(),
        v.abuseConfirmed(),
        v.confirmedForms(),
        v.initialAssessmentDueAt(),
        v.initiallyAssessedAt(),
        v.planDueAt(),
        v.planSubmittedAt(),
        v.planApprovedAt(),
        interventions,
        v.closedOn(),
        v.closureReason(),
        v.overdue(),
        v.contactId(),
        v.version(),
        review);
  }

  private static String csv(Collection<AbuseForm> forms) {
    return String.join(",", forms.stream().map(Enum::name).toList());
  }

  private static List<AbuseForm> forms(String csv) {
    if (csv == null || csv.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(AbuseForm::valueOf).toList();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
