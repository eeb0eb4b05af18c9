package vn.cpms.query.areas;

import java.sql.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaDefinedEvent;
import vn.cpms.kernel.area.AreaLevel;
import vn.cpms.kernel.area.AreaSet;
import vn.cpms.kernel.area.AreaSucceededEvent;
import vn.cpms.kernel.area.AreaView;
import vn.cpms.kernel.area.ExpandAreasQuery;
import vn.cpms.kernel.area.FindAreasQuery;

/**
 * The area registry ({@code area}): the hierarchy and successions, and what an area covers.
 * Projected synchronously-enough for access checks: area changes are rare and made by admins.
 */
@ProcessingGroup(AreaProjection.PROCESSING_GROUP)
public class AreaProjection implements vn.cpms.query.jdbc.ReadModel {
  /** The tables this projection fills and its reset empties. */
  static final List<String> TABLES = List.of("area");

  @Override
  public List<String> tables() {
    return TABLES;
  }

  public static final String PROCESSING_GROUP = "areas";

  private final NamedParameterJdbcTemplate jdbc;

  public AreaProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(AreaDefinedEvent event) {
    jdbc.update(
        "insert into area (code, name, level, parent_code) values (:code, :name, :level, :parent)"
            + " on conflict (code) do update set name = excluded.name,"
            + " parent_code = excluded.parent_code",
        new MapSqlParameterSource()
            .addValue("code", event.code().value())
            .addValue("name", event.name())
            .addValue("level", event.level().name())
            .addValue("parent", event.parentCode() == null ? null : event.parentCode().value()));
  }

  @EventHandler
  void on(AreaSucceededEvent event) {
    jdbc.update(
        "update area set successor_code = :successor, succession_effective_on = :on"
            + " where code = :code",
        new MapSqlParameterSource()
            .addValue("code", event.code().value())
            .addValue("successor", event.successorCode().value())
            .addValue("on", Date.valueOf(event.effectiveOn())));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }

  @QueryHandler
  public List<AreaView> handle(FindAreasQuery query) {
    return jdbc.query("select * from area order by code", Map.of(), AreaProjection::view);
  }

  /** One area, for the checks of each command that names one (no need to read them all). */
  @QueryHandler
  public java.util.Optional<AreaView> handle(vn.cpms.kernel.area.FindAreaQuery query) {
    return jdbc
        .query(
            "select * from area where code = :code",
            Map.of("code", query.code().value()),
            AreaProjection::view)
        .stream()
        .findFirst();
  }

  private static AreaView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    String parent = rs.getString("parent_code");
    String successor = rs.getString("successor_code");
    Date on = rs.getDate("succession_effective_on");
    return new AreaView(
        AreaCode.of(rs.getString("code")),
        rs.getString("name"),
        AreaLevel.valueOf(rs.getString("level")),
        parent == null ? null : AreaCode.of(parent),
        successor == null ? null : AreaCode.of(successor),
        on == null ? null : on.toLocalDate());
  }

  @QueryHandler
  public AreaSet handle(ExpandAreasQuery query) {
    Set<AreaCode> result = new HashSet<>(query.areas());
    if (query.areas().isEmpty()) {
      return new AreaSet(result);
    }
    List<String> covered =
        jdbc.queryForList(
            "with recursive covered(code) as ("
                + " select code from area where code in (:codes)"
                + " union"
                + " select a.code from area a join covered c"
                + " on a.parent_code = c.code or a.successor_code = c.code)"
                + " select code from covered",
            Map.of("codes", query.areas().stream().map(AreaCode::value).toList()),
            String.class);
    covered.forEach(code -> result.add(AreaCode.of(code)));
    return new AreaSet(result);
  }
}
