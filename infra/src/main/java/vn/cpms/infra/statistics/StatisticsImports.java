package vn.cpms.infra.statistics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.web.ApiMessages;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.kernel.Violation;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaView;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.statistics.FindPlansQuery;
import vn.cpms.kernel.statistics.Plan;
import vn.cpms.kernel.statistics.PopulationRow;
import vn.cpms.kernel.statistics.RecordFigureCommand;
import vn.cpms.kernel.statistics.RecordPopulationCommand;

/**
 * Population and figures imported from a spreadsheet (API.md; STATISTICS.md revision 2), for the
 * API and the statistician's page alike: every row is validated first (codes, numbers, the area in
 * the registry and in the caller's areas, the plan's indicator, no row twice); one refused row
 * refuses the whole file, answered with every refused row, its column and the reason in the
 * caller's language; otherwise all of it is recorded in one transaction (the commands join it), so
 * that nothing is half-imported.
 */
@Service
public class StatisticsImports {
  public static final List<String> POPULATION_COLUMNS =
      List.of("areaCode", "year", "sex", "age", "count");
  public static final List<String> FIGURE_COLUMNS =
      List.of("areaCode", "year", "planId", "indicatorCode", "numerator", "denominator", "value");

  private final CommandSender commands;
  private final QueryGateway queries;
  private final CallerScope scope;
  private final ApiMessages messages;
  private final TransactionTemplate transaction;
  private final vn.cpms.infra.web.KnownAreas known;

  public StatisticsImports(
      CommandSender commands,
      QueryGateway queries,
      CallerScope scope,
      ApiMessages messages,
      TransactionTemplate transaction,
      vn.cpms.infra.web.KnownAreas known) {
    this.commands = commands;
    this.queries = queries;
    this.scope = scope;
    this.messages = messages;
    this.transaction = transaction;
    this.known = known;
  }

  /** A refused row: its number in the sheet, the column, the reason's code and words. */
  public record Refusal(int row, String field, String code, String message) {}

  /** What an import did: rows read, records made, and the refused rows (then nothing saved). */
  public record Result(String kind, int rows, int records, List<Refusal> refused) {
    public boolean accepted() {
      return refused.isEmpty();
    }
  }

  public Result population(byte[] body) {
    List<Sheets.Line> lines = Sheets.read(body);
    Map<String, AreaView> areas = areas();
    List<Refusal> refused = new ArrayList<>();
    Map<String, List<PopulationRow>> tables = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (Sheets.Line line : lines) {
      Violations v = Violations.collect();
      AreaCode area = area(v, line, areas);
      Integer year = number(v, line, "year", 2000, 2100);
      Sex sex = code(v, line);
      Integer age = number(v, line, "age", 0, 17);
      Integer count = number(v, line, "count", 0, 100_000_000);
      if (v.isEmpty() && !seen.add(area + ":" + year + ":" + sex + ":" + age)) {
        v.add("age", "duplicate-row");
      }
      if (v.isEmpty()) {
        tables
            .computeIfAbsent(area + ":" + year, k -> new ArrayList<>())
            .add(new PopulationRow(sex, age, count));
      }
      refuse(refused, line, v);
    }
    if (lines.isEmpty()) {
      refused.add(refusal(1, "areaCode", "required"));
    }
    if (!refused.isEmpty()) {
      return new Result("population", lines.size(), 0, refused);
    }
    transaction.executeWithoutResult(
        status ->
            tables.forEach(
                (key, rows) -> {
                  String[] k = key.split(":");
                  commands.send(
                      new RecordPopulationCommand(AreaCode.of(k[0]), Integer.parseInt(k[1]), rows));
                }));
    return new Result("population", lines.size(), tables.size(), List.of());
  }

  public Result figures(byte[] body) {
    return figures(Sheets.read(body));
  }

  /**
   * Figures given as rows of {@link #FIGURE_COLUMNS} (a sheet's, or the bulk entry form's): every
   * row checked, all saved in one transaction or none.
   */
  public Result figures(List<Sheets.Line> lines) {
    Map<String, AreaView> areas = areas();
    Map<String, Plan> plans = plans();
    List<Refusal> refused = new ArrayList<>();
    List<RecordFigureCommand> figures = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Sheets.Line line : lines) {
      Violations v = Violations.collect();
      AreaCode area = area(v, line, areas);
      Integer year = number(v, line, "year", 2000, 2100);
      Plan.Indicator indicator = indicator(v, line, plans);
      Double numerator = decimal(v, line, "numerator", indicator);
      Double denominator = decimal(v, line, "denominator", indicator);
      Double value = decimal(v, line, "value", indicator);
      boolean ratio = numerator != null || denominator != null;
      if (ratio && value != null) {
        v.add("value", "value-or-ratio");
      } else if (ratio && (numerator == null || denominator == null || denominator <= 0)) {
        v.add(numerator == null ? "numerator" : "denominator", "value-or-ratio");
      } else if (!ratio && value == null && v.isEmpty()) {
        v.add("value", "value-or-ratio");
      }
      String key = area + ":" + year + ":" + line.get("planId") + ":" + line.get("indicatorCode");
      if (v.isEmpty() && !seen.add(key)) {
        v.add("indicatorCode", "duplicate-row");
      }
      if (v.isEmpty()) {
        figures.add(
            new RecordFigureCommand(
                area, year, indicator.code(), numerator, denominator, value, line.get("planId")));
      }
      refuse(refused, line, v);
    }
    if (lines.isEmpty()) {
      refused.add(refusal(1, "areaCode", "required"));
    }
    if (!refused.isEmpty()) {
      return new Result("figures", lines.size(), 0, refused);
    }
    transaction.executeWithoutResult(status -> figures.forEach(commands::send));
    return new Result("figures", lines.size(), figures.size(), List.of());
  }

  private void refuse(List<Refusal> refused, Sheets.Line line, Violations v) {
    for (Violation violation : v.list()) {
      refused.add(
          new Refusal(
              line.number(),
              violation.field(),
              violation.code(),
              messages.get("error." + violation.code(), violation.args())));
    }
  }

  private Refusal refusal(int row, String field, String code) {
    return new Refusal(row, field, code, messages.get("error." + code));
  }

  private AreaCode area(Violations v, Sheets.Line line, Map<String, AreaView> areas) {
    String code = line.get("areaCode");
    if (code == null) {
      v.add("areaCode", "required");
      return null;
    }
    if (!AreaCode.isValid(code)) {
      v.add("areaCode", "invalid-area-code");
      return null;
    }
    if (!areas.containsKey(code)) {
      v.add("areaCode", "unknown-area");
      return null;
    }
    AreaCode area = AreaCode.of(code);
    if (!scope.allows(area)) {
      v.add("areaCode", "area-not-allowed");
      return null;
    }
    return area;
  }

  private static Integer number(Violations v, Sheets.Line line, String column, int lo, int hi) {
    String text = line.get(column);
    if (text == null) {
      v.add(column, "required");
      return null;
    }
    try {
      int n = Integer.parseInt(text);
      if (n < lo || n > hi) {
        v.add(column, "out-of-range", lo, hi);
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      v.add(column, "not-a-whole-number");
      return null;
    }
  }

  private static Sex code(Violations v, Sheets.Line line) {
    String text = line.get("sex");
    if (text == null) {
      v.add("sex", "required");
      return null;
    }
    try {
      return Sex.valueOf(text);
    } catch (IllegalArgumentException e) {
      v.add("sex", "unknown-code", "sex");
      return null;
    }
  }

  private static Plan.Indicator indicator(Violations v, Sheets.Line line, Map<String, Plan> plans) {
    Plan plan = Optional.ofNullable(line.get("planId")).map(plans::get).orElse(null);
    if (plan == null) {
      v.add("planId", line.get("planId") == null ? "required" : "unknown-plan");
      return null;
    }
    String code = line.get("indicatorCode");
    Optional<Plan.Indicator> indicator =
        plan.indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    if (indicator.isEmpty()) {
      v.add("indicatorCode", code == null ? "required" : "unknown-indicator");
      return null;
    }
    return indicator.get();
  }

  private static Double decimal(
      Violations v, Sheets.Line line, String column, Plan.Indicator indicator) {
    String text = line.get(column);
    if (text == null) {
      return null;
    }
    double n;
    try {
      n = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      v.add(column, "not-a-number");
      return null;
    }
    if (Double.isNaN(n) || Double.isInfinite(n) || n < 0) {
      v.add(column, "out-of-range", 0, Long.MAX_VALUE);
      return null;
    }
    boolean whole =
        indicator != null && ("COUNT".equals(indicator.unit()) || "VND".equals(indicator.unit()));
    if (whole && n != Math.rint(n)) {
      v.add(column, "whole-number");
      return null;
    }
    return n;
  }

  public Map<String, AreaView> areas() {
    return known.registry();
  }

  public Map<String, Plan> plans() {
    return queries
        .query(new FindPlansQuery(), ResponseTypes.multipleInstancesOf(Plan.class))
        .join()
        .stream()
        .collect(Collectors.toMap(Plan::id, Function.identity()));
  }
}
