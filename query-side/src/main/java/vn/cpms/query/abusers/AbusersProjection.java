package vn.cpms.query.abusers;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuserFigures;
import vn.cpms.kernel.cases.AbuserFiguresQuery;
import vn.cpms.kernel.cases.AbuserRecordedEvent;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.LegalOutcomeRecordedEvent;
import vn.cpms.query.jdbc.BatchedWrites;
import vn.cpms.query.jdbc.ProjectionWrites;

/**
 * Persons suspected of abuse and their legal handling (issue 20), one row each in {@code
 * abuser_fact} with the case's report area and date (as the statistics of STATISTICS.md count a
 * case where and when it was reported) — relationship, sex, age group, police notified, latest
 * outcome; never an identity. Replaying an event changes nothing.
 */
@ProcessingGroup(AbusersProjection.PROCESSING_GROUP)
public class AbusersProjection implements vn.cpms.query.jdbc.ReadModel {
  public static final String PROCESSING_GROUP = "abusers";
  static final List<String> TABLES = List.of("abuser_fact", "abuser_case");

  /** The dimensions and their columns. */
  static final Map<String, String> BY =
      Map.of(
          "relationship", "relationship",
          "sex", "sex",
          "ageGroup", "age_group",
          "policeNotified", "case when police_notified then 'true' else 'false' end",
          "outcome", "coalesce(outcome, 'NONE')");

  private final NamedParameterJdbcTemplate jdbc;
  private final BatchedWrites writes;

  public AbusersProjection(NamedParameterJdbcTemplate jdbc, ProjectionWrites projectionWrites) {
    this.jdbc = jdbc;
    this.writes = projectionWrites.of(PROCESSING_GROUP);
  }

  @Override
  public List<String> tables() {
    return TABLES;
  }

  @EventHandler
  void on(CaseReportedEvent e) {
    writes.update(
        e.caseId(),
        "insert into abuser_case (case_id, area_code, reported_on) values (:id, :area, :on)"
            + " on conflict (case_id) do nothing",
        new MapSqlParameterSource("id", e.caseId().value())
            .addValue("area", e.areaCode().value())
            .addValue("on", Date.valueOf(VietnamTime.dateOf(e.reportedAt()))));
  }

  @EventHandler
  void on(AbuserRecordedEvent e) {
    writes.update(
        e.abuserId(), // its legal outcome follows it under the same key
        "insert into abuser_fact (abuser_id, case_id, relationship, sex, age_group,"
            + " police_notified) values (:id, :caseId, :relationship, :sex, :age, :police)"
            + " on conflict (abuser_id) do update set relationship = excluded.relationship,"
            + " sex = excluded.sex, age_group = excluded.age_group,"
            + " police_notified = excluded.police_notified",
        new MapSqlParameterSource("id", e.abuserId())
            .addValue("caseId", e.caseId().value())
            .addValue("relationship", e.relationship().name())
            .addValue("sex", e.sex().name())
            .addValue("age", e.ageGroup().name())
            .addValue("police", e.policeNotified()));
  }

  @EventHandler
  void on(LegalOutcomeRecordedEvent e) {
    writes.update(
        e.abuserId(),
        "update abuser_fact set outcome = :outcome, outcome_on = :on where abuser_id = :id"
            + " and (outcome_on is null or outcome_on <= :on)",
        new MapSqlParameterSource("id", e.abuserId())
            .addValue("outcome", e.outcome().name())
            .addValue("on", Date.valueOf(e.on())));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }

  @QueryHandler
  public AbuserFigures handle(AbuserFiguresQuery query) {
    String column = BY.get(query.by());
    if (column == null) {
      throw new IllegalArgumentException("unknown dimension " + query.by());
    }
    MapSqlParameterSource p =
        new MapSqlParameterSource("from", Date.valueOf(query.from()))
            .addValue("to", Date.valueOf(query.to()));
    String areas = "";
    if (query.areas() != null) {
      if (query.areas().isEmpty()) {
        return new AbuserFigures(query.by(), List.of(), 0);
      }
      areas = " and c.area_code in (:areas)";
      p.addValue("areas", query.areas().stream().map(AreaCode::value).toList());
    }
    List<AbuserFigures.Row> rows =
        jdbc.query(
            "select "
                + column
                + " as grp, count(*) as n from abuser_fact f join abuser_case c"
                + " on c.case_id = f.case_id where c.reported_on between :from and :to"
                + areas
                + " group by 1 order by 2 desc, 1",
            p,
            (rs, i) -> new AbuserFigures.Row(rs.getString("grp"), rs.getLong("n")));
    return new AbuserFigures(
        query.by(), rows, rows.stream().mapToLong(AbuserFigures.Row::count).sum());
  }
}
