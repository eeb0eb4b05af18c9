package vn.cpms.query.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.statistics.IndicatorValue;
import vn.cpms.kernel.statistics.IndicatorsQuery;
import vn.cpms.kernel.statistics.MeasureQuery;
import vn.cpms.kernel.statistics.Plan;
import vn.cpms.query.indicators.PlanCatalogue;

/**
 * The indicators of the plans (STATISTICS.md, "Indicators derived from cases"): for the calendar
 * year, the measure's total over the child population (0–15, or 5–17 for labour) as a percentage
 * with 2 decimals or per 100,000 with 1 decimal, a share of another measure, or the yearly change
 * of child marriages; figures of other sectors for the rest. Rounding half-up, at the end only.
 */
public class Indicators {
  private final NamedParameterJdbcTemplate jdbc;
  private final PlanCatalogue catalogue;
  private final Map<String, Measure> measures;
  private final Figures figures;
  private final RegisterFigures registers;

  public Indicators(
      NamedParameterJdbcTemplate jdbc, PlanCatalogue catalogue, Map<String, Measure> measures) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.measures = measures;
    this.figures = new Figures(jdbc);
    this.registers = new RegisterFigures(jdbc, figures);
  }

  @QueryHandler
  public List<IndicatorValue> handle(IndicatorsQuery query) {
    List<IndicatorValue> values = new ArrayList<>();
    for (Plan plan : catalogue.plans()) {
      if (query.plan() != null && !query.plan().equals(plan.id())) {
        continue;
      }
      for (Plan.Indicator indicator : plan.indicators()) {
        values.add(value(plan, indicator, query));
      }
    }
    return values;
  }

  IndicatorValue value(Plan plan, Plan.Indicator indicator, IndicatorsQuery query) {
    return value(plan, indicator, query, true);
  }

  /**
   * The indicator from cases, or from a figure: a figure entered for the area stands, also for an
   * indicator computed from cases (a survey; the case-derived figures are given beside it); an
   * indicator that cases cannot produce also takes its communes' roll-up.
   */
  private IndicatorValue value(
      Plan plan, Plan.Indicator indicator, IndicatorsQuery query, boolean withStatus) {
    Rate cases = indicator.measure() == null ? null : fromCases(indicator, query);
    Optional<Figures.Figure> figure =
        query.area() == null
            ? Optional.empty()
            : figures.of(plan.id(), indicator.code(), indicator.unit(), query);
    Optional<double[]> register =
        indicator.register() == null || query.area() == null
            ? Optional.empty()
            : registers.of(indicator.register(), query);
    if ((indicator.measure() != null || register.isPresent())
        && figure.isPresent()
        && !figure.get().own()) {
      figure = Optional.empty(); // a roll-up replaces neither cases nor a register
    }
    Rate shown =
        figure
            .map(f -> fromFigure(indicator, f))
            .or(() -> register.map(r -> fromRegister(indicator, r)))
            .orElse(cases);
    String source =
        figure.isPresent() ? "FIGURES" : register.isPresent() ? "REGISTER" : indicator.source();
    Optional<Plan.Target> target = target(indicator, query.year());
    String status = "NO_DATA";
    if (withStatus) {
      BigDecimal lastYear =
          "REDUCE_EVERY_YEAR".equals(indicator.direction()) && shown != null && shown.value != null
              ? decimal(value(plan, indicator, yearBefore(query), false).value())
              : null;
      status = status(indicator, target, shown == null ? null : shown.value, lastYear);
    }
    return new IndicatorValue(
        plan.id(),
        indicator.code(),
        indicator.title(),
        indicator.unit(),
        target.map(Plan.Target::value).orElse(null),
        target.map(Plan.Target::valueTo).orElse(null),
        target.map(Plan.Target::year).orElse(null),
        indicator.direction(),
        shown == null ? null : shown.numerator,
        shown == null ? null : shown.denominator,
        shown == null || shown.value == null ? null : shown.value.doubleValue(),
        status,
        source,
        indicator.measure(),
        figure.isPresent() && cases != null ? cases.numerator : null,
        figure.isPresent() && cases != null && cases.value != null
            ? cases.value.doubleValue()
            : null,
        figure.map(Figures.Figure::covered).orElse(null),
        figure.map(Figures.Figure::communes).orElse(null));
  }

  /** A numerator, a denominator and the value in the indicator's unit (any may be null). */
  private record Rate(Double numerator, Double denominator, BigDecimal value) {}

  private Rate fromCases(Plan.Indicator indicator, IndicatorsQuery query) {
    long count = count(indicator.measure(), query, 0);
    Double denominator =
        switch (indicator.measure()) {
          case "special-circumstance-supported" ->
              (double) count("special-circumstance-children", query, 0);
          case "disaster-affected-supported" ->
              (double) count("disaster-affected-children", query, 0);
          case "child-marriages" -> (double) count("child-marriages", query, 1);
          case "child-labourers" -> population(query, 5, 17);
          default -> population(query, 0, 15);
        };
    BigDecimal value = null;
    if (denominator != null && denominator > 0) {
      if (indicator.measure().equals("child-marriages")) {
        value =
            BigDecimal.valueOf(count - denominator)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
      } else {
        String unit =
            indicator.measure().startsWith("injur") ? Units.PER_100000_CHILDREN : indicator.unit();
        value = Units.rate(unit, count, denominator);
      }
    }
    return new Rate((double) count, denominator, value);
  }

  private static Rate fromFigure(Plan.Indicator indicator, Figures.Figure figure) {
    if (figure.value() != null) {
      return new Rate(null, null, BigDecimal.valueOf(figure.value()));
    }
    if (!Units.summable(indicator.unit()) && figure.denominator() <= 0) {
      return new Rate(figure.numerator(), figure.denominator(), null);
    }
    return new Rate(
        figure.numerator(),
        figure.denominator(),
        Units.rate(indicator.unit(), figure.numerator(), figure.denominator()));
  }

  /** A register's count (of communes, or VND) over its denominator, in the indicator's unit. */
  private static Rate fromRegister(Plan.Indicator indicator, double[] register) {
    if (Double.isNaN(register[1])) {
      return new Rate(register[0], null, Units.rate(Units.VND, register[0], 1));
    }
    String unit =
        Units.COUNT.equals(indicator.unit()) || Units.VND.equals(indicator.unit())
            ? indicator.unit()
            : Units.PERCENT;
    return new Rate(
        register[0],
        register[1],
        register[1] > 0 || Units.COUNT.equals(unit)
            ? Units.rate(unit, register[0], register[1])
            : null);
  }

  private static IndicatorsQuery yearBefore(IndicatorsQuery query) {
    return new IndicatorsQuery(
        query.plan(),
        query.area(),
        query.coveredAreas(),
        query.year() - 1,
        query.periodStart().minusYears(1),
        query.periodEnd().minusYears(1),
        query.asOf());
  }

  private static BigDecimal decimal(Double value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }

  /** The target of the nearest target year at or after {@code year}; else one with no year. */
  static Optional<Plan.Target> target(Plan.Indicator indicator, int year) {
    Optional<Plan.Target> dated =
        indicator.targets().stream()
            .filter(t -> t.year() != null && t.year() >= year && t.value() != null)
            .min(Comparator.comparing(Plan.Target::year));
    if (dated.isPresent()) {
      return dated;
    }
    return indicator.targets().stream()
        .filter(t -> t.year() == null && t.value() != null)
        .findFirst();
  }

  static String status(
      Plan.Indicator indicator,
      Optional<Plan.Target> target,
      BigDecimal value,
      BigDecimal lastYear) {
    if (value == null) {
      return "NO_DATA";
    }
    if ("REDUCE_EVERY_YEAR".equals(indicator.direction())) {
      // reduced every year: met when lower than the same indicator a year earlier
      if (lastYear == null) {
        return "NO_DATA";
      }
      return value.compareTo(lastYear) < 0 ? "ON_TRACK" : "OFF_TRACK";
    }
    if (target.isEmpty()) {
      return "NO_TARGET";
    }
    BigDecimal goal = BigDecimal.valueOf(target.get().value());
    boolean met;
    switch (indicator.direction()) {
      case "BELOW" -> met = value.compareTo(goal) < 0;
      case "AT_MOST" -> met = value.compareTo(goal) <= 0;
      case "AT_LEAST" -> met = value.compareTo(goal) >= 0;
      case "ABOVE" -> met = value.compareTo(goal) > 0;
      case "REDUCTION_PERCENT_PER_YEAR" -> {
        // a reduction within the range or beyond it: change ≤ −(smaller bound)
        double smaller =
            target.get().valueTo() == null
                ? target.get().value()
                : Math.min(target.get().value(), target.get().valueTo());
        met = value.compareTo(BigDecimal.valueOf(-smaller)) <= 0;
      }
      default -> {
        return "NO_TARGET";
      }
    }
    return met ? "ON_TRACK" : "OFF_TRACK";
  }

  /** The measure's total over the query's period, {@code yearsBefore} years earlier. */
  private long count(String measure, IndicatorsQuery query, int yearsBefore) {
    return measures
        .get(measure)
        .compute(
            new MeasureQuery(
                measure,
                query.coveredAreas(),
                query.periodStart().minusYears(yearsBefore),
                query.periodEnd().minusYears(yearsBefore),
                query.asOf(),
                List.of()))
        .total();
  }

  /**
   * The child population of the area for the year, ages {@code lo}…{@code hi}, as known at {@code
   * asOf}: see {@link #population(String, Map, Areas, Set)}. {@code null} when no figure is found.
   */
  Double population(IndicatorsQuery query, int lo, int hi) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("year", query.year())
            .addValue("lo", lo)
            .addValue("hi", hi)
            .addValue("asOf", Timestamp.from(query.asOf()));
    Map<String, Long> own = new HashMap<>();
    jdbc.query(
        "select area_code, sum(case when age between :lo and :hi then count else 0 end) as n"
            + " from stat_population where year = :year and recorded_at <= :asOf"
            + " and (superseded_at is null or superseded_at > :asOf) group by area_code",
        params,
        rs -> {
          own.put(rs.getString("area_code"), rs.getLong("n"));
        });
    if (query.area() == null) {
      // every area: sum the top-level areas (those with no parent and no successor)
      Areas below = hierarchy();
      Set<String> all = new java.util.HashSet<>(own.keySet());
      all.addAll(below.children().keySet());
      all.addAll(below.predecessors().keySet());
      all.removeAll(below.placed());
      Long total = null;
      for (String root : all) {
        Long n = population(root, own, below, new java.util.HashSet<>());
        total = plus(total, n);
      }
      return total == null ? null : total.doubleValue();
    }
    Long n = population(query.area().value(), own, hierarchy(), new java.util.HashSet<>());
    return n == null ? null : n.doubleValue();
  }

  /**
   * An area's population: its own figure when it has one (a district's or province's own figure
   * stands for everything below it), else the sum of the areas directly below it; plus, always, the
   * population of the areas merged into it (STATISTICS.md revision 2: a successor's population
   * includes its predecessors', like its facts).
   */
  private Long population(String area, Map<String, Long> own, Areas areas, Set<String> seen) {
    if (!seen.add(area)) {
      return null;
    }
    Long sum = own.get(area);
    if (sum == null) {
      for (String child : areas.children().getOrDefault(area, List.of())) {
        sum = plus(sum, population(child, own, areas, seen));
      }
    }
    for (String predecessor : areas.predecessors().getOrDefault(area, List.of())) {
      sum = plus(sum, population(predecessor, own, areas, seen));
    }
    return sum;
  }

  private static Long plus(Long sum, Long n) {
    if (n == null) {
      return sum;
    }
    return sum == null ? n : Long.valueOf(sum + n);
  }

  /** Area → the areas directly below it; area → the areas merged into it. */
  record Areas(Map<String, List<String>> children, Map<String, List<String>> predecessors) {
    Set<String> placed() {
      Set<String> placed = new java.util.HashSet<>();
      children.values().forEach(placed::addAll);
      predecessors.values().forEach(placed::addAll);
      return placed;
    }
  }

  /** The registry: a merged area sits under its successor only, the others under their parent. */
  private Areas hierarchy() {
    Map<String, List<String>> children = new HashMap<>();
    Map<String, List<String>> predecessors = new HashMap<>();
    jdbc.query(
        "select code, parent_code, successor_code from area",
        Map.of(),
        rs -> {
          String code = rs.getString("code");
          String parent = rs.getString("parent_code");
          String successor = rs.getString("successor_code");
          if (successor != null) {
            predecessors.computeIfAbsent(successor, k -> new ArrayList<>()).add(code);
          } else if (parent != null) {
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(code);
          }
        });
    return new Areas(children, predecessors);
  }
}
