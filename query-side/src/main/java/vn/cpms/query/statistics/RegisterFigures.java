package vn.cpms.query.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.statistics.IndicatorsQuery;

/**
 * Indicators given by a register (STATISTICS.md revision 2): the communes recognised child-friendly
 * in the year among the area's communes that existed on 1 January (the share, or their number for a
 * count target), and the contributions to the child protection fund dated in the period (VND), as
 * recorded by {@code asOf}. Empty when the register holds nothing for the area and period.
 */
final class RegisterFigures {
  static final String CHILD_FRIENDLY_COMMUNES = "CHILD_FRIENDLY_COMMUNES";
  static final String CHILD_PROTECTION_FUND = "CHILD_PROTECTION_FUND";

  private final NamedParameterJdbcTemplate jdbc;
  private final Figures figures;

  RegisterFigures(NamedParameterJdbcTemplate jdbc, Figures figures) {
    this.jdbc = jdbc;
    this.figures = figures;
  }

  /** {numerator, denominator} of the register's indicator; denominator null for the fund. */
  Optional<double[]> of(String register, IndicatorsQuery query) {
    List<String> communes = figures.communes(query);
    if (communes.isEmpty() && CHILD_FRIENDLY_COMMUNES.equals(register)) {
      return Optional.empty();
    }
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("areas", communes.isEmpty() ? List.of("-") : communes)
            .addValue("year", query.year())
            .addValue("from", Date.valueOf(query.periodStart()))
            .addValue("to", Date.valueOf(query.periodEnd()))
            .addValue("asOf", Timestamp.from(query.asOf()));
    if (CHILD_FRIENDLY_COMMUNES.equals(register)) {
      Integer[] counts =
          jdbc.queryForObject(
              "select count(*), count(*) filter (where child_friendly) from reg_child_friendly"
                  + " where area_code in (:areas) and year = :year and recorded_at <= :asOf"
                  + " and (superseded_at is null or superseded_at > :asOf)",
              params,
              (rs, i) -> new Integer[] {rs.getInt(1), rs.getInt(2)});
      if (counts == null || counts[0] == 0) {
        return Optional.empty();
      }
      int existing = figures.existingCommunes(communes, query.year());
      return Optional.of(new double[] {counts[1], Math.max(existing, counts[0])});
    }
    if (CHILD_PROTECTION_FUND.equals(register)) {
      params.addValue(
          "areas",
          query.coveredAreas() == null
              ? List.of(query.area().value())
              : query.coveredAreas().stream().map(a -> a.value()).toList());
      Long[] sums =
          jdbc.queryForObject(
              "select count(*), coalesce(sum(amount_vnd), 0) from reg_fund_entry"
                  + " where area_code in (:areas) and kind = 'CONTRIBUTION'"
                  + " and on_date between :from and :to and recorded_at <= :asOf",
              params,
              (rs, i) -> new Long[] {rs.getLong(1), rs.getLong(2)});
      if (sums == null || sums[0] == 0) {
        return Optional.empty();
      }
      return Optional.of(new double[] {sums[1], Double.NaN});
    }
    return Optional.empty();
  }
}
