package vn.cpms.query.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.UnknownReferenceException;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violation;
import vn.cpms.kernel.contacts.ContactEscalatedEvent;
import vn.cpms.kernel.contacts.ContactReceivedEvent;
import vn.cpms.kernel.statistics.MeasureQuery;
import vn.cpms.kernel.statistics.MeasureResult;

/**
 * The statistics read model: fact rows that carry each fact's business reference date and the time
 * its event was recorded, so that a figure "as of" any instant is an indexed query over facts,
 * never a replay of events. Measures are computed by {@link Measure}s.
 */
@ProcessingGroup(StatisticsProjection.PROCESSING_GROUP)
public class StatisticsProjection {
  public static final String PROCESSING_GROUP = "statistics";

  private final NamedParameterJdbcTemplate jdbc;
  private final Map<String, Measure> measures;

  public StatisticsProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.measures =
        ContactMeasures.all(jdbc).stream()
            .collect(Collectors.toUnmodifiableMap(Measure::name, Function.identity()));
  }

  @EventHandler
  void on(ContactReceivedEvent e, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
    jdbc.update(
        "insert into stat_contact (contact_id, received_on, channel, category, area_code,"
            + " recorded_at) values (:id, :on, :channel, :category, :area, :recorded)"
            + " on conflict (contact_id) do nothing",
        new MapSqlParameterSource()
            .addValue("id", e.contactId().value())
            .addValue("on", Date.valueOf(VietnamTime.dateOf(e.receivedAt())))
            .addValue("channel", e.channel().name())
            .addValue("category", e.category())
            .addValue("area", e.areaCode() == null ? null : e.areaCode().value())
            .addValue("recorded", Timestamp.from(recordedAt)));
  }

  @EventHandler
  void on(ContactEscalatedEvent e, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
    jdbc.update(
        "update stat_contact set escalated_area_code = :area, escalated_recorded_at = :recorded"
            + " where contact_id = :id",
        new MapSqlParameterSource()
            .addValue("id", e.contactId().value())
            .addValue("area", e.areaCode().value())
            .addValue("recorded", Timestamp.from(recordedAt)));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate stat_contact");
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
