package vn.cpms.query.statistics;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.statistics.IndicatorsQuery;

/**
 * Figures of other sectors and surveys for a plan's indicator (STATISTICS.md revision 2): the one
 * entered for the area itself (for that plan, or through the older path for every plan with the
 * code; the latest recorded by {@code asOf} stands), else the roll-up of its communes — numerators
 * and denominators summed (and values, for counts and amounts), with how many of the area's
 * communes gave one.
 */
final class Figures {
  private static final String LATEST =
      "select distinct on (area_code) area_code, numerator, denominator, value from stat_figure"
          + " where area_code in (:areas) and year = :year and indicator_code = :code"
          + " and (plan_id = :plan or plan_id is null) and recorded_at <= :asOf"
          + " and (superseded_at is null or superseded_at > :asOf)"
          + " order by area_code, recorded_at desc";

  private final NamedParameterJdbcTemplate jdbc;

  Figures(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A figure: {@code numerator} and {@code denominator}, or {@code value}; {@code communes} is null
   * for a figure entered for the area itself, else the roll-up's coverage.
   */
  record Figure(
      Double numerator, Double denominator, Double value, Integer covered, Integer communes) {
    boolean own() {
      return communes == null;
    }

    boolean ratio() {
      return numerator != null && denominator != null;
    }
  }

  /** The area's own figure, else its communes' roll-up; empty when there is neither. */
  Optional<Figure> of(String plan, String code, String unit, IndicatorsQuery query) {
    List<Figure> own = latest(plan, code, query, Set.of(query.area().value()));
    if (!own.isEmpty()) {
      return Optional.of(own.get(0));
    }
    List<String> communes = communes(query);
    if (communes.isEmpty()) {
      return Optional.empty();
    }
    List<Figure> found = latest(plan, code, query, Set.copyOf(communes));
    boolean summable = Units.summable(unit);
    double numerator = 0;
    double denominator = 0;
    double value = 0;
    int ratios = 0;
    int values = 0;
    for (Figure f : found) {
      if (f.ratio()) {
        numerator += f.numerator();
        denominator += f.denominator();
        ratios++;
      } else if (summable && f.value() != null) {
        value += f.value();
        values++;
      }
    }
    if (ratios == 0 && values == 0) {
      return Optional.empty();
    }
    int existing = existingCommunes(communes, query.year());
    if (ratios >= values) {
      return Optional.of(new Figure(numerator, denominator, null, ratios, existing));
    }
    return Optional.of(new Figure(null, null, value, values, existing));
  }

  private List<Figure> latest(String plan, String code, IndicatorsQuery query, Set<String> areas) {
    List<Figure> figures = new ArrayList<>();
    jdbc.query(
        LATEST,
        new MapSqlParameterSource()
            .addValue("areas", areas)
            .addValue("year", query.year())
            .addValue("code", code)
            .addValue("plan", plan)
            .addValue("asOf", Timestamp.from(query.asOf())),
        rs -> {
          figures.add(
              new Figure(
                  (Double) rs.getObject("numerator"),
                  (Double) rs.getObject("denominator"),
                  (Double) rs.getObject("value"),
                  null,
                  null));
        });
    return figures;
  }

  /** The communes the area covers (itself when a commune), merged ones included. */
  List<String> communes(IndicatorsQuery query) {
    Set<AreaCode> covered = query.coveredAreas();
    if (covered == null || covered.isEmpty()) {
      return List.of();
    }
    return jdbc.queryForList(
        "select code from area where level = 'COMMUNE' and code in (:areas)",
        new MapSqlParameterSource()
            .addValue("areas", covered.stream().map(AreaCode::value).toList()),
        String.class);
  }

  /** Of these communes, those that still existed on 1 January of {@code year}. */
  int existingCommunes(List<String> communes, int year) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from area where code in (:areas) and (succession_effective_on is null"
                + " or succession_effective_on > make_date(:year, 1, 1))",
            new MapSqlParameterSource().addValue("areas", communes).addValue("year", year),
            Integer.class);
    return n == null ? communes.size() : n;
  }
}
