package vn.cpms.query.alerts;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.alerts.DeathAlertAcknowledgedEvent;
import vn.cpms.kernel.alerts.DeathAlertView;
import vn.cpms.kernel.alerts.DeathAlerts;
import vn.cpms.kernel.alerts.FindDeathAlertsQuery;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.CaseTransferredEvent;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.children.IncidentRecordedEvent;
import vn.cpms.query.jdbc.BatchedWrites;
import vn.cpms.query.jdbc.ProjectionWrites;

/**
 * Death alerts (issue 20): one when a case is closed as deceased (in the case's area) and one per
 * fatal incident (in the incident's area), listed for the supervisors of the area and of the
 * province above it until each has acknowledged it. Ids derive from what raised them, so a replay
 * changes nothing.
 */
@ProcessingGroup(DeathAlertsProjection.PROCESSING_GROUP)
public class DeathAlertsProjection implements vn.cpms.query.jdbc.ReadModel {
  public static final String PROCESSING_GROUP = "alerts";
  static final List<String> TABLES = List.of("death_alert", "death_alert_ack", "alert_case");

  private final NamedParameterJdbcTemplate jdbc;
  private final BatchedWrites writes;

  public DeathAlertsProjection(NamedParameterJdbcTemplate jdbc, ProjectionWrites projectionWrites) {
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
        "insert into alert_case (case_id, area_code) values (:id, :area)"
            + " on conflict (case_id) do nothing",
        new MapSqlParameterSource("id", e.caseId().value()).addValue("area", e.areaCode().value()));
  }

  @EventHandler
  void on(CaseTransferredEvent e) {
    writes.update(
        e.caseId(),
        "update alert_case set area_code = :area where case_id = :id",
        new MapSqlParameterSource("id", e.caseId().value())
            .addValue("area", e.toAreaCode().value()));
  }

  @EventHandler
  void on(CaseClosedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
    if (e.reason() != ClosureReason.DECEASED) {
      return;
    }
    writes.update(
        e.caseId(), // after the case's row it reads, written under the same key
        "insert into death_alert (alert_id, source, case_id, area_code, occurred_on, raised_at)"
            + " select :alert, 'CASE', case_id, area_code, :on, :at from alert_case"
            + " where case_id = :id on conflict (alert_id) do nothing",
        new MapSqlParameterSource("alert", DeathAlerts.ofCase(e.caseId().value()))
            .addValue("id", e.caseId().value())
            .addValue("on", Date.valueOf(e.closedOn()))
            .addValue("at", Timestamp.from(at)));
  }

  @EventHandler
  void on(IncidentRecordedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
    if (!e.fatal()) {
      return;
    }
    UUID alert = DeathAlerts.ofIncident(e.incidentId());
    writes.update(
        alert,
        "insert into death_alert (alert_id, source, case_id, area_code, occurred_on, raised_at)"
            + " values (:alert, 'INCIDENT', null, :area, :on, :at) on conflict (alert_id) do nothing",
        new MapSqlParameterSource("alert", alert)
            .addValue("area", e.areaCode().value())
            .addValue("on", Date.valueOf(e.occurredOn()))
            .addValue("at", Timestamp.from(at)));
  }

  @EventHandler
  void on(DeathAlertAcknowledgedEvent e) {
    writes.update(
        e.alertId(),
        "insert into death_alert_ack (alert_id, username) values (:alert, :user)"
            + " on conflict do nothing",
        new MapSqlParameterSource("alert", e.alertId()).addValue("user", e.username()));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }

  @QueryHandler
  public List<DeathAlertView> handle(FindDeathAlertsQuery query) {
    MapSqlParameterSource p = new MapSqlParameterSource("user", query.username());
    String areas = "";
    if (query.areas() != null) {
      if (query.areas().isEmpty()) {
        return List.of();
      }
      areas = " and a.area_code in (:areas)";
      p.addValue("areas", query.areas().stream().map(AreaCode::value).toList());
    }
    String open =
        query.username() == null
            ? "true"
            : "not exists (select 1 from death_alert_ack k where k.alert_id = a.alert_id"
                + " and k.username = :user)";
    return jdbc.query(
        "select a.* from death_alert a where " + open + areas + " order by a.raised_at desc",
        p,
        (rs, n) ->
            new DeathAlertView(
                rs.getObject("alert_id", UUID.class),
                rs.getString("source"),
                rs.getObject("case_id", UUID.class),
                AreaCode.of(rs.getString("area_code")),
                rs.getDate("occurred_on").toLocalDate(),
                rs.getTimestamp("raised_at").toInstant()));
  }
}
