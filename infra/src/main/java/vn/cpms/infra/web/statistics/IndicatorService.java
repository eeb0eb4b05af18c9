package vn.cpms.infra.web.statistics;

import static vn.cpms.infra.web.RequestValidation.required;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.statistics.SmallCounts;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.RequestValidation;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaSet;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.statistics.FindPlansQuery;
import vn.cpms.kernel.statistics.IndicatorValue;
import vn.cpms.kernel.statistics.IndicatorsQuery;
import vn.cpms.kernel.statistics.Plan;
import vn.cpms.kernel.statistics.PopulationRow;
import vn.cpms.kernel.statistics.RecordFigureCommand;
import vn.cpms.kernel.statistics.RecordPopulationCommand;

/** Population, other sectors' figures, the plan catalogue and the indicators against targets. */
@org.springframework.stereotype.Service
public class IndicatorService {
  private final CommandSender commands;
  private final QueryGateway queries;
  private final CallerScope scope;
  private final SmallCounts smallCounts;
  private final Clock clock;

  public IndicatorService(
      CommandSender commands,
      QueryGateway queries,
      CallerScope scope,
      SmallCounts smallCounts,
      Clock clock,
      vn.cpms.infra.web.KnownAreas known) {
    this.commands = commands;
    this.queries = queries;
    this.scope = scope;
    this.smallCounts = smallCounts;
    this.clock = clock;
    this.known = known;
  }

  private final vn.cpms.infra.web.KnownAreas known;

  /** {@code {rows: [{sex, age, count}]}}. */
  public record PopulationRequest(
      @NotEmpty @Size(max = 200) List<@NotNull @Valid PopulationRowRequest> rows) {}

  /** One row of a population table. */
  public record PopulationRowRequest(
      @NotBlank @Size(max = 10) @Code(value = Sex.class, list = "sex") String sex,
      @NotNull @Min(0) @Max(17) Integer age,
      @NotNull @PositiveOrZero @Max(100_000_000) Long count) {}

  public void population(String areaCode, int year, PopulationRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    AreaCode area = CaseRequests.area(v, "areaCode", areaCode);
    if (area != null) {
      scope.requireReadable(area); // a statistician of the area, or an admin
      known.check(v, "areaCode", area, null); // an area of the registry (issue 15)
    }
    List<PopulationRow> rows = new ArrayList<>();
    if (body.rows() == null || body.rows().isEmpty()) {
      v.add("rows", "required");
    } else {
      for (int i = 0; i < body.rows().size(); i++) {
        PopulationRowRequest row = body.rows().get(i);
        String field = "rows[" + i + "]";
        Sex sex = RequestValidation.code(v, field + ".sex", row.sex(), Sex.class, "sex");
        required(v, field + ".age", row.age());
        required(v, field + ".count", row.count());
        if (sex != null && row.age() != null && row.count() != null) {
          rows.add(new PopulationRow(sex, row.age(), row.count()));
        }
      }
    }
    v.throwIfAny();
    commands.send(new RecordPopulationCommand(area, year, rows));
  }

  /** {@code {numerator, denominator}} or {@code {value}}. */
  public record FigureRequest(
      @OptionalMember @PositiveOrZero Double numerator,
      @OptionalMember @Positive Double denominator,
      @OptionalMember @PositiveOrZero Double value) {}

  /**
   * A figure for one plan's indicator, in the indicator's unit (STATISTICS.md revision 2). An
   * unknown plan or an indicator the plan does not have is {@code 404}; a count or an amount in VND
   * must be a whole number.
   */
  public void planFigure(
      String areaCode, int year, String planId, String indicatorCode, FigureRequest body) {
    Plan plan =
        plans_().stream()
            .filter(p -> p.id().equals(planId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("plan"));
    Plan.Indicator indicator =
        plan.indicators().stream()
            .filter(i -> i.code().equals(indicatorCode))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("indicator"));
    record(areaCode, year, planId, List.of(indicator), body);
  }

  /** The older path: the figure for every plan that has the indicator code. */
  public void figure(String areaCode, int year, String indicatorCode, FigureRequest body) {
    List<Plan.Indicator> having =
        plans_().stream()
            .flatMap(p -> p.indicators().stream())
            .filter(i -> i.code().equals(indicatorCode))
            .toList();
    if (having.isEmpty()) {
      throw new NotFoundException("indicator");
    }
    record(areaCode, year, null, having, body);
  }

  private void record(
      String areaCode,
      int year,
      String planId,
      List<Plan.Indicator> indicators,
      FigureRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    AreaCode area = CaseRequests.area(v, "areaCode", areaCode);
    if (area != null) {
      scope.requireReadable(area); // a statistician of the area, or an admin
      known.check(v, "areaCode", area, null); // an area of the registry (issue 15)
    }
    if (year < 2000 || year > 2100) {
      v.add("year", "out-of-range", 2000, 2100);
    }
    boolean whole =
        indicators.stream().anyMatch(i -> "COUNT".equals(i.unit()) || "VND".equals(i.unit()));
    for (String field : List.of("numerator", "denominator", "value")) {
      Double n =
          switch (field) {
            case "numerator" -> body.numerator();
            case "denominator" -> body.denominator();
            default -> body.value();
          };
      if (n != null && (n.isNaN() || n.isInfinite() || n < 0)) {
        v.add(field, "out-of-range", 0, Long.MAX_VALUE);
      } else if (n != null && whole && n != Math.rint(n)) {
        v.add(field, "whole-number");
      }
    }
    v.throwIfAny();
    commands.send(
        new RecordFigureCommand(
            area,
            year,
            indicators.get(0).code(),
            body.numerator(),
            body.denominator(),
            body.value(),
            planId));
  }

  public List<Map<String, Object>> plans() {
    return plans_().stream()
        .map(
            p -> {
              Map<String, Object> summary = new LinkedHashMap<>();
              summary.put("id", p.id());
              summary.put("title", p.title());
              summary.put("issuer", p.issuer());
              summary.put("documentNumber", p.documentNumber());
              summary.put("years", p.years());
              summary.put("reportDeadlines", p.reportDeadlines());
              summary.put("indicators", p.indicators().size());
              return summary;
            })
        .toList();
  }

  public Plan plan(String plan) {
    return plans_().stream()
        .filter(p -> p.id().equals(plan))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("plan"));
  }

  private List<Plan> plans_() {
    return queries
        .query(new FindPlansQuery(), ResponseTypes.multipleInstancesOf(Plan.class))
        .join();
  }

  /** Every indicator of a plan (or of every plan) for an area and a calendar year. */
  public List<Map<String, Object>> indicators(
      String plan, String area, Integer year, OffsetDateTime asOf) {
    Violations v = Violations.collect();
    AreaCode areaCode = area == null ? null : CaseRequests.area(v, "area", area);
    Optional<AreaSet> allowed = scope.areas();
    if (areaCode == null && allowed.isPresent()) {
      v.add("area", "required");
    }
    if (plan != null && plans_().stream().noneMatch(p -> p.id().equals(plan))) {
      throw new NotFoundException("plan");
    }
    v.throwIfAny();
    scope.requireReadable(areaCode);
    int forYear = year == null ? LocalDate.now(clock.withZone(VietnamTime.ZONE)).getYear() : year;
    Instant knownAt = smallCounts.asOf(asOf == null ? clock.instant() : asOf.toInstant());
    Set<AreaCode> covered = areaCode == null ? null : scope.expand(Set.of(areaCode)).codes();
    List<IndicatorValue> values =
        queries
            .query(
                new IndicatorsQuery(plan, areaCode, covered, forYear, knownAt),
                ResponseTypes.multipleInstancesOf(IndicatorValue.class))
            .join();
    return values.stream().map(value -> resource(value, forYear, knownAt)).toList();
  }

  private Map<String, Object> resource(IndicatorValue i, int year, Instant asOf) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("plan", i.plan());
    out.put("code", i.code());
    out.put("title", i.title());
    out.put("unit", i.unit());
    out.put("year", year);
    out.put("target", i.target());
    out.put("targetTo", i.targetTo());
    out.put("targetYear", i.targetYear());
    out.put("direction", i.direction());
    boolean hideNumerator = smallCounts.hidesNumerator(i);
    boolean hideDenominator = smallCounts.hidesDenominator(i);
    boolean small = hideNumerator || hideDenominator;
    out.put("numerator", hideNumerator ? null : i.numerator());
    out.put("denominator", hideDenominator ? null : i.denominator());
    out.put("value", small ? null : i.value());
    if (small) {
      out.put("suppressed", true);
    }
    out.put("status", small ? "SUPPRESSED" : i.status());
    out.put("source", i.source());
    out.put("measure", i.measure());
    if (i.casesValue() != null || i.casesNumerator() != null) {
      boolean hideCases = smallCounts.applies() && SmallCounts.small(i.casesNumerator());
      out.put("casesNumerator", hideCases ? null : i.casesNumerator());
      out.put("casesValue", hideCases ? null : i.casesValue());
    }
    if (i.communes() != null) {
      out.put("coverage", Map.of("communes", i.communesCovered(), "of", i.communes()));
      out.put("partial", i.communesCovered() < i.communes());
    }
    out.put("asOf", asOf.atZone(VietnamTime.ZONE).toOffsetDateTime());
    return out;
  }
}
