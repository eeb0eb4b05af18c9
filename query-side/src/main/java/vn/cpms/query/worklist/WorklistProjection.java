package vn.cpms.query.worklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CasePage;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.CaseStatus;
import vn.cpms.kernel.cases.CaseView;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.FindCaseQuery;
import vn.cpms.kernel.cases.FindCasesQuery;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.contacts.ContactId;

/**
 * The worklist of protection workers and the case page: one row per case in {@code worklist_case}.
 * Writes are idempotent (a replayed event changes nothing), so the projection can be rebuilt from
 * zero at any time.
 */
@ProcessingGroup(WorklistProjection.PROCESSING_GROUP)
public class WorklistProjection {
  public static final String PROCESSING_GROUP = "worklist";

  private static final String COLUMNS =
      "case_id, child_id, status, area_code, channel, reported_at, suspected_forms,"
          + " serious_danger, description, child_sex, child_age_years, assignee,"
          + " initial_assessment_due_at, initial_assessment_done, contact_id, version";

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  public WorklistProjection(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventHandler
  void on(CaseReportedEvent event, @SequenceNumber long sequence) {
    jdbc.update(
        "insert into worklist_case ("
            + COLUMNS
            + ") values (:caseId, :childId, :status, :areaCode, :channel, :reportedAt,"
            + " :forms, :serious, :description, :sex, :age, null, :due, false, :contactId,"
            + " :version) on conflict (case_id) do nothing",
        new MapSqlParameterSource()
            .addValue("caseId", event.caseId().value())
            .addValue("childId", event.childId().value())
            .addValue("status", CaseStatus.REPORTED.name())
            .addValue("areaCode", event.areaCode().value())
            .addValue("channel", event.channel().name())
            .addValue("reportedAt", Timestamp.from(event.reportedAt()))
            .addValue(
                "forms", String.join(",", event.suspectedForms().stream().map(Enum::name).toList()))
            .addValue("serious", event.seriousDanger())
            .addValue("description", event.description())
            .addValue("sex", event.child().sex().name())
            .addValue("age", event.child().ageYears())
            .addValue("due", timestamp(event.initialAssessmentDueAt()))
            .addValue("contactId", event.contactId() == null ? null : event.contactId().value())
            .addValue("version", sequence));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate worklist_case");
  }

  @QueryHandler
  public Optional<CaseView> handle(FindCaseQuery query) {
    List<CaseView> rows =
        jdbc.query(
            "select " + COLUMNS + " from worklist_case where case_id = :id",
            new MapSqlParameterSource("id", query.caseId().value()),
            rowMapper(clock.instant()));
    return rows.stream().findFirst();
  }

  @QueryHandler
  public CasePage handle(FindCasesQuery query) {
    Instant now = clock.instant();
    StringBuilder where = new StringBuilder(" where true");
    MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now));
    if (query.areas() != null) {
      if (query.areas().isEmpty()) {
        where.append(" and false");
      } else {
        where.append(" and area_code in (:areas)");
        params.addValue("areas", query.areas().stream().map(AreaCode::value).toList());
      }
    }
    if (query.status() != null) {
      where.append(" and status = :status");
      params.addValue("status", query.status().name());
    }
    if (query.assignee() != null) {
      where.append(" and assignee = :assignee");
      params.addValue("assignee", query.assignee());
    }
    if (query.overdue() != null) {
      where.append(query.overdue() ? " and " : " and not ").append(OVERDUE);
    }
    Long total =
        jdbc.queryForObject("select count(*) from worklist_case" + where, params, Long.class);
    params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
    List<CaseView> items =
        jdbc.query(
            "select "
                + COLUMNS
                + " from worklist_case"
                + where
                + " order by "
                + OVERDUE
                + " desc, coalesce(initial_assessment_due_at, reported_at), case_id"
                + " limit :limit offset :offset",
            params,
            rowMapper(now));
    return new CasePage(items, query.page(), query.size(), total == null ? 0 : total);
  }

  private static final String OVERDUE =
      "(not initial_assessment_done and initial_assessment_due_at < :now)";

  private static RowMapper<CaseView> rowMapper(Instant now) {
    return (ResultSet rs, int row) -> {
      Instant due = instant(rs, "initial_assessment_due_at");
      boolean done = rs.getBoolean("initial_assessment_done");
      String contact = rs.getString("contact_id");
      return new CaseView(
          new CaseId(rs.getObject("case_id", UUID.class)),
          new ChildId(rs.getObject("child_id", UUID.class)),
          CaseStatus.valueOf(rs.getString("status")),
          new AreaCode(rs.getString("area_code")),
          Channel.valueOf(rs.getString("channel")),
          instant(rs, "reported_at"),
          forms(rs.getString("suspected_forms")),
          rs.getBoolean("serious_danger"),
          rs.getString("description"),
          Sex.valueOf(rs.getString("child_sex")),
          (Integer) rs.getObject("child_age_years"),
          rs.getString("assignee"),
          due,
          !done && due != null && due.isBefore(now),
          contact == null ? null : ContactId.parse(contact),
          rs.getLong("version"));
    };
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
