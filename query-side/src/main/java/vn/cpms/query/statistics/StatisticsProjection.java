package vn.cpms.query.statistics;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.UnknownReferenceException;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violation;
import vn.cpms.kernel.cases.CaseAssessedEvent;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseReopenedEvent;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.InitialAssessmentRecordedEvent;
import vn.cpms.kernel.cases.SupportPlanSubmittedEvent;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.IncidentRecordedEvent;
import vn.cpms.kernel.children.SpecialCircumstanceEndedEvent;
import vn.cpms.kernel.children.SpecialCircumstanceIdentifiedEvent;
import vn.cpms.kernel.children.SupportRecordedEvent;
import vn.cpms.kernel.contacts.ContactEscalatedEvent;
import vn.cpms.kernel.contacts.ContactReceivedEvent;
import vn.cpms.kernel.statistics.FigureRecordedEvent;
import vn.cpms.kernel.statistics.MeasureQuery;
import vn.cpms.kernel.statistics.MeasureResult;
import vn.cpms.kernel.statistics.PopulationRecordedEvent;
import vn.cpms.kernel.statistics.PopulationRow;
import vn.cpms.query.jdbc.BatchedWrites;
import vn.cpms.query.jdbc.ProjectionWrites;

/**
 * The statistics read model: fact rows that carry each fact's business reference date and the time
 * its event was recorded, so that a figure "as of" any instant is an indexed query over facts,
 * never a replay of events. Measures are computed by {@link Measure}s.
 */
@ProcessingGroup(StatisticsProjection.PROCESSING_GROUP)
public class StatisticsProjection implements vn.cpms.query.jdbc.ReadModel {
  /** The tables this projection fills and its reset empties. */
  static final List<String> TABLES =
      List.of(
          "stat_contact",
          "stat_case",
          "stat_case_status",
          "stat_child",
          "stat_incident",
          "stat_circumstance",
          "stat_support",
          "stat_population",
          "stat_figure");

  @Override
  public List<String> tables() {
    return TABLES;
  }

  public static final String PROCESSING_GROUP = "statistics";

  private final NamedParameterJdbcTemplate jdbc;

  /**
   * The fact rows' writes, sent in batches before the processor's batch commits (issue 21); the
   * population and figure handlers, which read before they write, write at once.
   */
  private final BatchedWrites writes;

  private final Map<String, Measure> measures;

  public StatisticsProjection(NamedParameterJdbcTemplate jdbc, ProjectionWrites projectionWrites) {
    this.jdbc = jdbc;
    this.writes = projectionWrites.of(PROCESSING_GROUP);
    this.measures =
        java.util.stream.Stream.concat(
                ContactMeasures.all(jdbc).stream(), FactMeasures.all(jdbc).stream())
            .collect(Collectors.toUnmodifiableMap(Measure::name, Function.identity()));
  }

  @EventHandler
  void on(ContactReceivedEvent e, @Timestamp Instant recordedAt) {
    writes.update(
        e.contactId().value(),
        "insert into stat_contact (contact_id, received_on, channel, category, area_code,"
            + " recorded_at) values (:id, :on, :channel, :category, :area, :recorded)"
            + " on conflict (contact_id) do nothing",
        new MapSqlParameterSource()
            .addValue("id", e.contactId().value())
            .addValue("on", Date.valueOf(VietnamTime.dateOf(e.receivedAt())))
            .addValue("channel", e.channel().name())
            .addValue("category", e.category())
            .addValue("area", e.areaCode() == null ? null : e.areaCode().value())
            .addValue("recorded", java.sql.Timestamp.from(recordedAt)));
  }

  @EventHandler
  void on(ContactEscalatedEvent e, @Timestamp Instant recordedAt) {
    writes.update(
        e.contactId().value(),
        "update stat_contact set escalated_area_code = :area, escalated_recorded_at = :recorded"
            + " where contact_id = :id",
        new MapSqlParameterSource()
            .addValue("id", e.contactId().value())
            .addValue("area", e.areaCode().value())
            .addValue("recorded", java.sql.Timestamp.from(recordedAt)));
  }

  // --- cases -----------------------------------------------------------------------------------

  @EventHandler
  void on(CaseReportedEvent e, @Timestamp Instant recordedAt) {
    ChildFacts child = e.child();
    writes.update(
        e.caseId().value(),
        "insert into stat_case (case_id, child_id, reported_at, reported_on, area_code, channel,"
            + " sex, age, ethnicity, disability, serious_danger, suspected_forms, recorded_at)"
            + " values (:case, :child, :at, :on, :area, :channel, :sex, :age, :ethnicity,"
            + " :disability, :serious, :forms, :recorded) on conflict (case_id) do nothing",
        new MapSqlParameterSource()
            .addValue("case", e.caseId().value())
            .addValue("child", e.childId().value())
            .addValue("at", java.sql.Timestamp.from(e.reportedAt()))
            .addValue("on", Date.valueOf(VietnamTime.dateOf(e.reportedAt())))
            .addValue("area", e.areaCode().value())
            .addValue("channel", e.channel().name())
            .addValue("sex", child.sex().name())
            .addValue("age", child.ageYears())
            .addValue("ethnicity", child.ethnicity().code())
            .addValue("disability", child.disability())
            .addValue("serious", e.seriousDanger())
            .addValue("forms", csv(e.suspectedForms()))
            .addValue("recorded", java.sql.Timestamp.from(recordedAt)));
  }

  @EventHandler
  void on(CaseAssessedEvent e, @Timestamp Instant recordedAt) {
    writes.update(
        e.caseId().value(),
        "update stat_case set abuse_confirmed = :confirmed, confirmed_forms = :forms,"
            + " assessed_recorded_at = :recorded where case_id = :case",
        new MapSqlParameterSource()
            .addValue("case", e.caseId().value())
            .addValue("confirmed", e.abuseConfirmed())
            .addValue("forms", csv(e.confirmedForms()))
            .addValue("recorded", java.sql.Timestamp.from(recordedAt)));
  }

  @EventHandler
  void on(InitialAssessmentRecordedEvent e, @Timestamp Instant recordedAt) {
    writes.update(
        e.caseId().value(),
        "update stat_case set initial_assessed_at = :at, initial_recorded_at = :recorded"
            + " where case_id = :case",
        new MapSqlParameterSource()
            .addValue("case", e.caseId().value())
            .addValue("at", java.sql.Timestamp.from(e.assessedAt()))
            .addValue("recorded", java.sql.Timestamp.from(recordedAt)));
  }

  /** Only the first plan submitted decides whether the plan was on time. */
  @EventHandler
  void on(SupportPlanSubmittedEvent e, @Timestamp Instant recordedAt) {
    writes.update(
        e.caseId().value(),
        "update stat_case set plan_on_time = :onTime, plan_recorded_at = :recorded"
            + " where case_id = :case and plan_recorded_at is null",
        new MapSqlParameterSource()
            .addValue("case", e.caseId().value())
            .addValue("onTime", e.onTime())
            .addValue("recorded", java.sql.Timestamp.from(recordedAt)));
  }

  @EventHandler
  void on(CaseClosedEvent e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
    status(e.caseId().value(), sequence, e.closedOn(), true, recordedAt);
  }

  @EventHandler
  void on(CaseReopenedEvent e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
    status(e.caseId().value(), sequence, e.reopenedOn(), false, recordedAt);
  }

  private void status(
      java.util.UUID caseId, long sequence, LocalDate on, boolean closed, Instant recordedAt) {
    writes.update(
        caseId,
        "insert into stat_case_status (case_id, sequence, on_date, closed, recorded_at)"
            + " values (:case, :seq, :on, :closed, :recorded) on conflict do nothing",
        new MapSqlParameterSource()
            .addValue("case", caseId)
            .addValue("seq", sequence)
            .addValue("on", Date.valueOf(on))
            .addValue("closed", closed)
            .addValue("recorded", java.sql.Timestamp.from(recordedAt)));
  }

  // --- children --------------------------------------------------------------------------------

  @EventHandler
  void on(ChildRegisteredEvent e) {
    ChildRegistration r = e.registration();
    writes.update(
        e.childId().value(),
        "insert into stat_child (child_id, sex, ethnicity, disability)"
            + " values (:child, :sex, :ethnicity, :disability)"
            + " on conflict (child_id) do nothing",
        new MapSqlParameterSource()
            .addValue("child", e.childId().value())
            .addValue("sex", r.sex().name())
            .addValue("ethnicity", r.ethnicity().code())
            .addValue("disability", r.disability()));
    LocalDate basis = r.birthDate() != null ? r.birthDate() : e.estimatedBirthDate();
    if (basis != null) {
      // kept through an erasure and a rebuild: the first basis recorded stands (V13)
      writes.update(
          e.childId().value(),
          "insert into stat_birth_basis (child_id, basis) values (:child, :basis)"
              + " on conflict (child_id) do nothing",
          new MapSqlParameterSource()
              .addValue("child", e.childId().value())
              .addValue("basis", Date.valueOf(basis)));
    }
  }

  @EventHandler
  void on(IncidentRecordedEvent e, @Timestamp Instant recordedAt) {
    ChildFacts child = e.child();
    writes.update(
        e.incidentId(),
        "insert into stat_incident (incident_id, child_id, type, occurred_on, area_code,"
            + " injury_cause, fatal, sex, age, ethnicity, disability, recorded_at) values"
            + " (:incident, :child, :type, :on, :area, :cause, :fatal, :sex, :age, :ethnicity,"
            + " :disability, :recorded) on conflict (incident_id) do nothing",
        new MapSqlParameterSource()
            .addValue("incident", e.incidentId())
            .addValue("child", e.childId().value())
            .addValue("type", e.type().name())
            .addValue("on", Date.valueOf(e.occurredOn()))
            .addValue("area", e.areaCode().value())
            .addValue("cause", e.injuryCause() == null ? null : e.injuryCause().name())
            .addValue("fatal", e.fatal())
            .addValue("sex", child.sex().name())
            .addValue("age", child.ageYears())
            .addValue("ethnicity", child.ethnicity().code())
            .addValue("disability", child.disability())
            .addValue("recorded", java.sql.Timestamp.from(recordedAt)));
  }

  @EventHandler
  void on(
      SpecialCircumstanceIdentifiedEvent e,
      @SequenceNumber long sequence,
      @Timestamp Instant recordedAt) {
    writes.update(
        e.childId().value(),
        "insert into stat_circumstance (child_id, sequence, grp, identified_on, area_code,"
            + " recorded_at, age_basis) values (:child, :seq, :grp, :on, :area, :recorded, :basis)"
            + " on conflict do nothing",
        new MapSqlParameterSource()
            .addValue("child", e.childId().value())
            .addValue("seq", sequence)
            .addValue("grp", e.group().name())
            .addValue("on", Date.valueOf(e.identifiedOn()))
            .addValue("area", e.areaCode().value())
            .addValue("recorded", java.sql.Timestamp.from(recordedAt))
            .addValue("basis", ageBasis(e.identifiedOn(), e.child())));
  }

  /**
   * The date from which a stock ages the child: the fact's date minus the age in completed years
   * kept in clear in its event (as for a child registered with an age only), so that erasing the
   * birth date changes no figure.
   */
  static Date ageBasis(LocalDate on, ChildFacts facts) {
    return facts == null || facts.ageYears() == null
        ? null
        : Date.valueOf(on.minusYears(facts.ageYears()));
  }

  @EventHandler
  void on(
      SpecialCircumstanceEndedEvent e,
      @SequenceNumber long sequence,
      @Timestamp Instant recordedAt) {
    writes.update(
        e.childId().value(),
        "update stat_circumstance set ended_on = :on, ended_recorded_at = :recorded"
            + " where child_id = :child and grp = :grp and ended_on is null and sequence < :seq",
        new MapSqlParameterSource()
            .addValue("child", e.childId().value())
            .addValue("seq", sequence)
            .addValue("grp", e.group().name())
            .addValue("on", Date.valueOf(e.endedOn()))
            .addValue("recorded", java.sql.Timestamp.from(recordedAt)));
  }

  @EventHandler
  void on(SupportRecordedEvent e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
    writes.update(
        e.childId().value(),
        "insert into stat_support (child_id, sequence, provided_on, recorded_at)"
            + " values (:child, :seq, :on, :recorded) on conflict do nothing",
        new MapSqlParameterSource()
            .addValue("child", e.childId().value())
            .addValue("seq", sequence)
            .addValue("on", Date.valueOf(e.providedOn()))
            .addValue("recorded", java.sql.Timestamp.from(recordedAt)));
  }

  // --- population and figures ------------------------------------------------------------------

  @EventHandler
  void on(PopulationRecordedEvent e, @Timestamp Instant recordedAt) {
    java.sql.Timestamp recorded = java.sql.Timestamp.from(recordedAt);
    MapSqlParameterSource key =
        new MapSqlParameterSource()
            .addValue("area", e.areaCode().value())
            .addValue("year", e.year())
            .addValue("recorded", recorded);
    Long already =
        jdbc.queryForObject(
            "select count(*) from stat_population where area_code = :area and year = :year"
                + " and recorded_at = :recorded",
            key,
            Long.class);
    if (already != null && already > 0) {
      return; // replayed
    }
    jdbc.update(
        "update stat_population set superseded_at = :recorded where area_code = :area"
            + " and year = :year and superseded_at is null and recorded_at < :recorded",
        key);
    for (PopulationRow row : e.rows()) {
      jdbc.update(
          "insert into stat_population (area_code, year, sex, age, count, recorded_at)"
              + " values (:area, :year, :sex, :age, :count, :recorded)",
          new MapSqlParameterSource(key.getValues())
              .addValue("sex", row.sex().name())
              .addValue("age", row.age())
              .addValue("count", row.count()));
    }
  }

  @EventHandler
  void on(FigureRecordedEvent e, @Timestamp Instant recordedAt) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("area", e.areaCode().value())
            .addValue("year", e.year())
            .addValue("code", e.indicatorCode())
            .addValue("numerator", e.numerator())
            .addValue("denominator", e.denominator())
            .addValue("value", e.value())
            .addValue("plan", e.planId())
            .addValue("recorded", java.sql.Timestamp.from(recordedAt));
    String key =
        " area_code = :area and year = :year and indicator_code = :code"
            + " and plan_id is not distinct from cast(:plan as varchar)";
    Long already =
        jdbc.queryForObject(
            "select count(*) from stat_figure where" + key + " and recorded_at = :recorded",
            params,
            Long.class);
    if (already != null && already > 0) {
      return; // replayed
    }
    jdbc.update(
        "update stat_figure set superseded_at = :recorded where"
            + key
            + " and superseded_at is null",
        params);
    jdbc.update(
        "insert into stat_figure (area_code, year, indicator_code, plan_id, numerator,"
            + " denominator, value, recorded_at) values (:area, :year, :code, :plan, :numerator,"
            + " :denominator, :value, :recorded)",
        params);
  }

  /** The measures by name, for the indicators. */
  public Map<String, Measure> measures() {
    return measures;
  }

  private static String csv(java.util.Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }

  /** The measures this read model can compute, by name. */
  public List<String> measureNames() {
    return measures.keySet().stream().sorted().toList();
  }

  @QueryHandler
  public MeasureResult handle(MeasureQuery query) {
    Measure measure = measures.get(query.measure());
    if (measure == null) {
      throw new UnknownReferenceException("measure");
    }
    for (String dimension : query.by()) {
      if (!measure.dimensions().contains(dimension)) {
        throw new InvalidInputException(Violation.of("by", "unknown-dimension", dimension));
      }
    }
    return measure.compute(query);
  }
}
