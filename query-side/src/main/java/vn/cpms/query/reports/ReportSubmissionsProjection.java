package vn.cpms.query.reports;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.reports.FindReportSubmissionsQuery;
import vn.cpms.kernel.reports.FindSubmittedReportQuery;
import vn.cpms.kernel.reports.ReportSubmission;
import vn.cpms.kernel.reports.ReportSubmittedEvent;

/**
 * The submitted reports (statistics processing group): every version with its file, who submitted
 * it and when, for the download of the submitted version and the list of who has submitted.
 */
@ProcessingGroup(ReportSubmissionsProjection.PROCESSING_GROUP)
public class ReportSubmissionsProjection implements vn.cpms.query.jdbc.ReadModel {
  /** The tables this projection fills and its reset empties. */
  static final List<String> TABLES = List.of("report_submission");

  @Override
  public List<String> tables() {
    return TABLES;
  }

  public static final String PROCESSING_GROUP = "statistics";
  static final String COLUMNS =
      "plan_id, period, area_code, version, data_window, from_date, to_date, as_of, file_name,"
          + " media_type, sha256, submitted_by, submitted_at";

  private final NamedParameterJdbcTemplate jdbc;

  public ReportSubmissionsProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(
      ReportSubmittedEvent e,
      @MetaDataValue("username") String username,
      @org.axonframework.eventhandling.Timestamp Instant at) {
    jdbc.update(
        "insert into report_submission ("
            + COLUMNS
            + ", content) values (:plan, :period, :area,"
            + " :version, :window, :from, :to, :asOf, :file, :type, :sha, :by, :at, :content)"
            + " on conflict (plan_id, period, area_code, version) do nothing",
        new MapSqlParameterSource()
            .addValue("plan", e.planId())
            .addValue("period", e.period())
            .addValue("area", e.areaCode().value())
            .addValue("version", e.version())
            .addValue("window", e.window())
            .addValue("from", Date.valueOf(e.from()))
            .addValue("to", Date.valueOf(e.to()))
            .addValue("asOf", Timestamp.from(e.asOf()))
            .addValue("file", e.fileName())
            .addValue("type", e.mediaType())
            .addValue("sha", e.sha256())
            .addValue("by", username)
            .addValue("at", Timestamp.from(at))
            .addValue("content", e.content()));
  }

  @QueryHandler
  public List<ReportSubmission> handle(FindReportSubmissionsQuery query) {
    if (query.areas().isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        "select distinct on (period, area_code) "
            + COLUMNS
            + " from report_submission where plan_id = :plan"
            + " and (cast(:period as varchar) is null or period = :period)"
            + " and area_code in (:areas) order by period, area_code, version desc",
        new MapSqlParameterSource()
            .addValue("plan", query.planId())
            .addValue("period", query.period())
            .addValue("areas", query.areas().stream().map(AreaCode::value).toList()),
        (rs, i) -> submission(rs, null));
  }

  @QueryHandler
  public Optional<ReportSubmission> handle(FindSubmittedReportQuery query) {
    return jdbc
        .query(
            "select "
                + COLUMNS
                + ", content from report_submission where plan_id = :plan and period = :period"
                + " and area_code = :area"
                + " and (cast(:version as integer) is null or version = :version)"
                + " order by version desc limit 1",
            new MapSqlParameterSource()
                .addValue("plan", query.planId())
                .addValue("period", query.period())
                .addValue("area", query.areaCode().value())
                .addValue("version", query.version()),
            (rs, i) -> submission(rs, rs.getBytes("content")))
        .stream()
        .findFirst();
  }

  private static ReportSubmission submission(ResultSet rs, byte[] content) throws SQLException {
    return new ReportSubmission(
        rs.getString("plan_id"),
        rs.getString("period"),
        rs.getString("area_code"),
        rs.getInt("version"),
        rs.getString("data_window"),
        rs.getDate("from_date").toLocalDate(),
        rs.getDate("to_date").toLocalDate(),
        rs.getTimestamp("as_of").toInstant(),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getString("sha256"),
        rs.getString("submitted_by"),
        rs.getTimestamp("submitted_at").toInstant(),
        content);
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }
}
