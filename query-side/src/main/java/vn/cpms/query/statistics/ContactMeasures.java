package vn.cpms.query.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.statistics.MeasureQuery;
import vn.cpms.kernel.statistics.MeasureResult;

/**
 * {@code contacts} and {@code contacts-escalated} (STATISTICS.md): hotline contacts whose {@code
 * receivedAt} date (Vietnam) lies in the period, counted from the fact rows of {@code stat_contact}
 * recorded at or before {@code asOf}; escalated ones also need their escalation recorded by then. A
 * contact's area is the one given with it; an escalated contact given without one takes the area of
 * its case (see docs/statistics.md).
 */
public final class ContactMeasures {
  private ContactMeasures() {}

  static final Map<String, String> DIMENSIONS =
      Map.of(
          "channel", "channel",
          "category", "category",
          "month", "to_char(received_on, 'YYYY-MM')",
          "area", "coalesce(%AREA%, 'unknown')");

  public static List<Measure> all(NamedParameterJdbcTemplate jdbc) {
    return List.of(
        new ContactMeasure(jdbc, "contacts", false),
        new ContactMeasure(jdbc, "contacts-escalated", true));
  }

  record ContactMeasure(NamedParameterJdbcTemplate jdbc, String name, boolean escalated)
      implements Measure {
    @Override
    public Set<String> dimensions() {
      return DIMENSIONS.keySet();
    }

    @Override
    public MeasureResult compute(MeasureQuery query) {
      String area = escalated ? "coalesce(area_code, escalated_area_code)" : "area_code";
      MapSqlParameterSource params =
          new MapSqlParameterSource()
              .addValue("from", Date.valueOf(query.from()))
              .addValue("to", Date.valueOf(query.to()))
              .addValue("asOf", Timestamp.from(query.asOf()));
      StringBuilder where =
          new StringBuilder(
              " from stat_contact where received_on between :from and :to"
                  + " and recorded_at <= :asOf");
      if (escalated) {
        where.append(" and escalated_recorded_at <= :asOf");
      }
      if (query.areas() != null) {
        if (query.areas().isEmpty()) {
          return new MeasureResult(0, List.of());
        }
        where.append(" and ").append(area).append(" in (:areas)");
        params.addValue("areas", query.areas().stream().map(AreaCode::value).toList());
      }
      Long total = jdbc.queryForObject("select count(*)" + where, params, Long.class);
      List<MeasureResult.Row> rows = new ArrayList<>();
      if (!query.by().isEmpty()) {
        List<String> exprs =
            query.by().stream().map(d -> DIMENSIONS.get(d).replace("%AREA%", area)).toList();
        String select = String.join(", ", exprs);
        jdbc.query(
            "select "
                + select
                + ", count(*) as value"
                + where
                + " group by "
                + select
                + " order by "
                + select,
            params,
            rs -> {
              Map<String, String> dims = new LinkedHashMap<>();
              for (int i = 0; i < query.by().size(); i++) {
                dims.put(query.by().get(i), rs.getString(i + 1));
              }
              rows.add(new MeasureResult.Row(dims, rs.getLong("value")));
            });
      }
      return new MeasureResult(total == null ? 0 : total, rows);
    }
  }
}
