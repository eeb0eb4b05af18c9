package vn.cpms.query.timeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.cases.CaseAssessedEvent;
import vn.cpms.kernel.cases.CaseAssignedEvent;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseEvent;
import vn.cpms.kernel.cases.CaseReopenedEvent;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.CaseTimeline;
import vn.cpms.kernel.cases.CaseTransferredEvent;
import vn.cpms.kernel.cases.FindCaseTimelineQuery;
import vn.cpms.kernel.cases.InitialAssessmentDeadlineMissedEvent;
import vn.cpms.kernel.cases.InitialAssessmentRecordedEvent;
import vn.cpms.kernel.cases.InterventionCompletedEvent;
import vn.cpms.kernel.cases.InterventionDeadlineMissedEvent;
import vn.cpms.kernel.cases.SupportPlanApprovedEvent;
import vn.cpms.kernel.cases.SupportPlanDeadlineMissedEvent;
import vn.cpms.kernel.cases.SupportPlanReturnedEvent;
import vn.cpms.kernel.cases.SupportPlanSubmittedEvent;
import vn.cpms.query.jdbc.BatchedWrites;
import vn.cpms.query.jdbc.ProjectionWrites;

/**
 * The timeline of each case: every event with what happened (type and non-personal details: codes,
 * dates, counts; never names or free text), when it was recorded and by whom.
 */
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public class TimelineProjection implements vn.cpms.query.jdbc.ReadModel {
  /** The tables this projection fills and its reset empties. */
  static final List<String> TABLES = List.of("case_timeline");

  @Override
  public List<String> tables() {
    return TABLES;
  }

  public static final String PROCESSING_GROUP = "timeline";

  /** Who recorded an event that no user sent (a legal clock running out). */
  public static final String SYSTEM = "system";

  private final NamedParameterJdbcTemplate jdbc;
  private final BatchedWrites writes;

  public TimelineProjection(NamedParameterJdbcTemplate jdbc, ProjectionWrites projectionWrites) {
    this.jdbc = jdbc;
    this.writes = projectionWrites.of(PROCESSING_GROUP);
  }

  @EventHandler
  void on(
      CaseEvent event,
      @SequenceNumber long sequence,
      @Timestamp Instant recordedAt,
      @MetaDataValue("username") String username) {
    writes.update(
        event.caseId(),
        "insert into case_timeline (case_id, sequence, event_type, occurred_at, recorded_by,"
            + " details) values (:caseId, :seq, :type, :at, :by, :details)"
            + " on conflict (case_id, sequence) do nothing",
        new MapSqlParameterSource()
            .addValue("caseId", event.caseId().value())
            .addValue("seq", sequence)
            .addValue("type", type(event))
            .addValue("at", java.sql.Timestamp.from(recordedAt))
            .addValue("by", username == null ? SYSTEM : username)
            .addValue("details", encode(details(event))));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }

  @QueryHandler
  public CaseTimeline handle(FindCaseTimelineQuery query) {
    List<CaseTimeline.Entry> entries =
        jdbc.query(
            "select * from case_timeline where case_id = :id order by sequence",
            Map.of("id", query.caseId().value()),
            (rs, i) ->
                new CaseTimeline.Entry(
                    rs.getLong("sequence"),
                    rs.getString("event_type"),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("recorded_by"),
                    decode(rs.getString("details"))));
    return new CaseTimeline(query.caseId(), entries);
  }

  /** {@code CaseAssignedEvent} → {@code CaseAssigned}. */
  static String type(CaseEvent event) {
    String name = event.getClass().getSimpleName();
    return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
  }

  static Map<String, String> details(CaseEvent event) {
    Map<String, String> d = new LinkedHashMap<>();
    if (event instanceof CaseReportedEvent e) {
      d.put("reportedAt", e.reportedAt().toString());
      d.put("channel", e.channel().name());
      d.put("areaCode", e.areaCode().value());
      d.put(
          "suspectedForms", String.join(",", e.suspectedForms().stream().map(Enum::name).toList()));
      d.put("seriousDanger", String.valueOf(e.seriousDanger()));
      d.put("initialAssessmentDueAt", e.initialAssessmentDueAt().toString());
    } else if (event instanceof CaseAssignedEvent e) {
      d.put("workerUsername", e.workerUsername());
    } else if (event instanceof InitialAssessmentRecordedEvent e) {
      d.put("assessedAt", e.assessedAt().toString());
      d.put("riskLevel", e.riskLevel().name());
      d.put("onTime", String.valueOf(e.onTime()));
      d.put("planDueAt", e.planDueAt().toString());
    } else if (event instanceof CaseAssessedEvent e) {
      d.put("assessedAt", e.assessedAt().toString());
      d.put("abuseConfirmed", String.valueOf(e.abuseConfirmed()));
      d.put(
          "confirmedForms", String.join(",", e.confirmedForms().stream().map(Enum::name).toList()));
    } else if (event instanceof SupportPlanSubmittedEvent e) {
      d.put("submittedAt", e.submittedAt().toString());
      d.put("interventions", String.valueOf(e.interventions().size()));
      d.put("onTime", String.valueOf(e.onTime()));
    } else if (event instanceof SupportPlanReturnedEvent e) {
      d.put("returnedAt", e.returnedAt().toString());
    } else if (event instanceof SupportPlanApprovedEvent e) {
      d.put("approvedAt", e.approvedAt().toString());
    } else if (event instanceof InterventionCompletedEvent e) {
      d.put("interventionId", e.interventionId().toString());
      d.put("completedOn", e.completedOn().toString());
      d.put("allCompleted", String.valueOf(e.allCompleted()));
    } else if (event instanceof CaseTransferredEvent e) {
      d.put("fromAreaCode", e.fromAreaCode().value());
      d.put("toAreaCode", e.toAreaCode().value());
    } else if (event instanceof CaseClosedEvent e) {
      d.put("closedOn", e.closedOn().toString());
      d.put("reason", e.reason().name());
    } else if (event instanceof CaseReopenedEvent e) {
      d.put("reopenedOn", e.reopenedOn().toString());
      d.put("status", e.status().name());
    } else if (event instanceof InitialAssessmentDeadlineMissedEvent e) {
      d.put("dueAt", e.dueAt().toString());
    } else if (event instanceof SupportPlanDeadlineMissedEvent e) {
      d.put("dueAt", e.dueAt().toString());
    } else if (event instanceof InterventionDeadlineMissedEvent e) {
      d.put("interventionId", e.interventionId().toString());
      d.put("dueOn", e.dueOn().toString());
    }

    return d;
  }

  /** {@code key=value} lines; keys and values are codes, dates and numbers without newlines. */
  static String encode(Map<String, String> details) {
    StringBuilder out = new StringBuilder();
    details.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
    return out.toString();
  }

  static Map<String, String> decode(String text) {
    Map<String, String> details = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        details.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return details;
  }
}
