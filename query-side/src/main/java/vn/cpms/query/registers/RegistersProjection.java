package vn.cpms.query.registers;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.registers.ChildFriendlyStatusRecordedEvent;
import vn.cpms.kernel.registers.FindRegistersQuery;
import vn.cpms.kernel.registers.FundEntryKind;
import vn.cpms.kernel.registers.FundEntryRecordedEvent;
import vn.cpms.kernel.registers.Registers;

/**
 * The registers the plans count (statistics processing group): each commune's child-friendly status
 * per year (as of any instant: a correction supersedes the earlier record from the moment it is
 * recorded), and each fund's contributions and disbursements.
 */
@ProcessingGroup(RegistersProjection.PROCESSING_GROUP)
public class RegistersProjection implements vn.cpms.query.jdbc.ReadModel {
  /** The tables this projection fills and its reset empties. */
  static final List<String> TABLES = List.of("reg_child_friendly", "reg_fund_entry");

  @Override
  public List<String> tables() {
    return TABLES;
  }

  public static final String PROCESSING_GROUP = "statistics";

  private final NamedParameterJdbcTemplate jdbc;

  public RegistersProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(
      ChildFriendlyStatusRecordedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("area", e.communeCode().value())
            .addValue("year", e.year())
            .addValue("yes", e.childFriendly())
            .addValue("decision", e.decisionNumber())
            .addValue("on", e.decidedOn() == null ? null : Date.valueOf(e.decidedOn()))
            .addValue("recorded", Timestamp.from(at));
    Integer already =
        jdbc.queryForObject(
            "select count(*) from reg_child_friendly where area_code = :area and year = :year"
                + " and recorded_at = :recorded",
            params,
            Integer.class);
    if (already != null && already > 0) {
      return; // replayed
    }
    jdbc.update(
        "update reg_child_friendly set superseded_at = :recorded where area_code = :area"
            + " and year = :year and superseded_at is null",
        params);
    jdbc.update(
        "insert into reg_child_friendly (area_code, year, child_friendly, decision_number,"
            + " decided_on, recorded_at) values (:area, :year, :yes, :decision, :on, :recorded)",
        params);
  }

  @EventHandler
  void on(FundEntryRecordedEvent e, @org.axonframework.eventhandling.Timestamp Instant at) {
    jdbc.update(
        "insert into reg_fund_entry (entry_id, area_code, kind, amount_vnd, on_date, source,"
            + " purpose, recorded_at) values (:id, :area, :kind, :amount, :on, :source, :purpose,"
            + " :recorded) on conflict (entry_id) do nothing",
        new MapSqlParameterSource()
            .addValue("id", e.entryId())
            .addValue("area", e.areaCode().value())
            .addValue("kind", e.kind().name())
            .addValue("amount", e.amountVnd())
            .addValue("on", Date.valueOf(e.on()))
            .addValue("source", e.source())
            .addValue("purpose", e.purpose())
            .addValue("recorded", Timestamp.from(at)));
  }

  @QueryHandler
  public Registers handle(FindRegistersQuery query) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("areas", query.areas().stream().map(AreaCode::value).toList())
            .addValue("year", query.to().getYear())
            .addValue("from", Date.valueOf(query.from()))
            .addValue("to", Date.valueOf(query.to()))
            .addValue("asOf", Timestamp.from(query.asOf()));
    if (query.areas().isEmpty()) {
      return new Registers(List.of(), List.of());
    }
    List<Registers.ChildFriendly> statuses =
        jdbc.query(
            "select area_code, year, child_friendly, decision_number, decided_on"
                + " from reg_child_friendly where area_code in (:areas) and year = :year"
                + " and recorded_at <= :asOf and (superseded_at is null or superseded_at > :asOf)"
                + " order by area_code",
            params,
            (rs, i) ->
                new Registers.ChildFriendly(
                    rs.getString("area_code"),
                    rs.getInt("year"),
                    rs.getBoolean("child_friendly"),
                    rs.getString("decision_number"),
                    rs.getDate("decided_on") == null
                        ? null
                        : rs.getDate("decided_on").toLocalDate()));
    List<Registers.FundEntry> fund =
        jdbc.query(
            "select entry_id, area_code, kind, amount_vnd, on_date, source, purpose"
                + " from reg_fund_entry where area_code in (:areas)"
                + " and on_date between :from and :to and recorded_at <= :asOf"
                + " order by on_date, entry_id",
            params,
            (rs, i) ->
                new Registers.FundEntry(
                    rs.getObject("entry_id", java.util.UUID.class),
                    rs.getString("area_code"),
                    FundEntryKind.valueOf(rs.getString("kind")),
                    rs.getLong("amount_vnd"),
                    rs.getDate("on_date").toLocalDate(),
                    rs.getString("source"),
                    rs.getString("purpose")));
    return new Registers(statuses, fund);
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }
}
