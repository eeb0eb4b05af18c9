package vn.cpms.infra.statistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.statistics.ReportFiles.Section;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaSet;
import vn.cpms.kernel.area.AreaView;
import vn.cpms.kernel.area.FindAreaQuery;
import vn.cpms.kernel.statistics.FindPlansQuery;
import vn.cpms.kernel.statistics.IndicatorValue;
import vn.cpms.kernel.statistics.IndicatorsQuery;
import vn.cpms.kernel.statistics.MeasureQuery;
import vn.cpms.kernel.statistics.MeasureResult;
import vn.cpms.kernel.statistics.Plan;
import vn.cpms.kernel.statistics.ReportPeriod;

/**
 * {@code GET /api/v1/reports/{plan}/{period}}: the report a plan asks for, for {@code 2026-H1} or
 * {@code 2026} over its data window ({@link ReportPeriod}: Decree 09/2019 by default, the plan's
 * own where its due dates need one, or the one the statistician chooses with {@code window}): every
 * indicator against its target (a semi-annual report shows the annual target without a status), and
 * the figures from cases broken down by sex and age group (and form or cause where the measure has
 * one), with Vietnamese headers, as CSV or XLSX (one sheet per section). The report states its
 * window and its {@code asOf}; small counts are hidden for statisticians as everywhere else ({@link
 * SmallCounts}), the hidden cells saying so.
 */
@Service
public class PlanReports {
  static final Pattern PERIOD = Pattern.compile("(\\d{4})(-H1)?");
  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  /** The tables a CSV can hold alone, in the reader's spreadsheet dialect. */
  static final List<String> TABLES = List.of("information", "indicators", "breakdown");

  private final QueryGateway queries;
  private final CallerScope scope;
  private final SmallCounts smallCounts;
  private final Clock clock;
  private final ReportLabels labels;

  public PlanReports(
      QueryGateway queries,
      CallerScope scope,
      SmallCounts smallCounts,
      Clock clock,
      ReportLabels labels) {
    this.queries = queries;
    this.scope = scope;
    this.smallCounts = smallCounts;
    this.clock = clock;
    this.labels = labels;
  }

  /** A report as a file: its name, media type, content, and the window and as-of it used. */
  public record File(
      String name, MediaType type, byte[] content, ReportPeriod period, Instant asOf) {}

  /**
   * The report of {@code plan} for {@code period} ({@code 2026-H1} or {@code 2026}) and {@code
   * area}, as the caller may see it, in {@code format} ({@code csv}, {@code xlsx}), as of {@code
   * asOf} (default now), over {@code window} ({@code decree-09}, {@code plan}, {@code calendar};
   * default the plan's).
   */
  public File produce(
      String plan, String period, String area, String format, Instant asOf, String window)
      throws IOException {
    return produce(plan, period, area, format, asOf, window, null);
  }

  /**
   * The same; a CSV with a {@code table} ({@code indicators}, {@code breakdown}, {@code
   * information}) holds that table alone in the dialect Excel expects in the reader's language
   * (Vietnamese: {@code ;} and decimal commas), without one every table in the contract's CSV.
   */
  public File produce(
      String plan,
      String period,
      String area,
      String format,
      Instant asOf,
      String window,
      String table)
      throws IOException {
    Violations v = Violations.collect();
    if (table != null && !TABLES.contains(table)) {
      v.add("table", "unknown-code", String.join(", ", TABLES));
    }
    Matcher matcher = PERIOD.matcher(period);
    if (!matcher.matches()) {
      v.add("period", "invalid-period");
    }
    if (!format.equals("csv") && !format.equals("xlsx")) {
      v.add("format", "unknown-code", "csv, xlsx");
    }
    ReportPeriod.Window chosen = window(v, window);
    AreaCode areaCode = area == null ? null : CaseRequests.area(v, "area", area);
    Optional<AreaSet> allowed = scope.areas();
    if (areaCode == null && allowed.isPresent()) {
      v.add("area", "required");
    }
    v.throwIfAny();
    Plan thePlan =
        queries
            .query(new FindPlansQuery(), ResponseTypes.multipleInstancesOf(Plan.class))
            .join()
            .stream()
            .filter(p -> p.id().equals(plan))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("plan"));
    scope.requireReadable(areaCode);
    int year = Integer.parseInt(matcher.group(1));
    boolean firstHalf = matcher.group(2) != null;
    ReportPeriod reportPeriod = ReportPeriod.of(thePlan, year, firstHalf, chosen);
    LocalDate from = reportPeriod.from();
    LocalDate to = reportPeriod.to();
    Instant knownAt = smallCounts.asOf(asOf == null ? clock.instant() : asOf);
    Set<AreaCode> covered = areaCode == null ? null : scope.expand(Set.of(areaCode)).codes();

    List<IndicatorValue> values =
        queries
            .query(
                new IndicatorsQuery(plan, areaCode, covered, to.getYear(), from, to, knownAt),
                ResponseTypes.multipleInstancesOf(IndicatorValue.class))
            .join();
    String asOfText = knownAt.atZone(VietnamTime.ZONE).toOffsetDateTime().toString();
    List<Section> sections = new ArrayList<>();
    boolean contract = format.equals("csv") && table == null;
    ReportLabels labels = contract ? this.labels.coded() : this.labels;
    String hidden = labels.text("report.hidden");
    sections.add(
        new Section(
            labels.text("report.section.information"),
            List.of(labels.text("report.info.item"), labels.text("report.info.value")),
            List.of(
                List.of(labels.text("report.info.plan"), thePlan.title()),
                List.of(labels.text("report.info.issuer"), String.valueOf(thePlan.issuer())),
                List.of(
                    labels.text("report.info.area"),
                    area == null
                        ? labels.text("report.info.allAreas")
                        : contract ? area : areaName(areaCode)),
                List.of(
                    labels.text("report.info.period"),
                    period + " (" + labels.date(from) + " – " + labels.date(to) + ")"),
                List.of(labels.text("report.info.window"), labels.window(reportPeriod.window())),
                List.of(labels.text("report.info.basis"), String.valueOf(reportPeriod.basis())),
                List.of(
                    labels.text("report.info.assessment"),
                    labels.text(
                        reportPeriod.interim()
                            ? "report.info.assessment.interim"
                            : "report.info.assessment.annual")),
                List.of(
                    labels.text("report.info.asOf"),
                    contract
                        ? asOfText
                        : ReportLabels.TIME.format(knownAt.atZone(VietnamTime.ZONE))
                            + " (asOf="
                            + asOfText
                            + ")"))));
    List<List<Object>> indicatorRows = new ArrayList<>();
    for (IndicatorValue i : values) {
      boolean hideNumerator = smallCounts.hidesNumerator(i);
      boolean hideDenominator = smallCounts.hidesDenominator(i);
      boolean small = hideNumerator || hideDenominator;
      Plan.Indicator definition =
          thePlan.indicators().stream()
              .filter(d -> d.code().equals(i.code()))
              .findFirst()
              .orElseThrow();
      indicatorRows.add(
          cells(
              i.code(),
              i.title(),
              labels.unit(i.unit()),
              i.target(),
              i.targetYear(),
              hideNumerator ? hidden : i.numerator(),
              hideDenominator ? hidden : i.denominator(),
              small ? hidden : i.value(),
              small
                  ? hidden
                  : reportPeriod.interim()
                      ? labels.text("report.info.assessment.interim")
                      : labels.text("report.status." + i.status()),
              labels.code("indicator-source", i.source()),
              definition.agency()));
    }
    sections.add(
        new Section(
            labels.text("report.section.indicators"),
            List.of(
                labels.text("report.col.code"),
                labels.text("report.col.title"),
                labels.text("report.col.unit"),
                labels.text("report.col.target"),
                labels.text("report.col.targetYear"),
                labels.text("report.col.numerator"),
                labels.text("report.col.denominator"),
                labels.text("report.col.value"),
                labels.text("report.col.status"),
                labels.text("report.col.source"),
                labels.text("report.col.agency")),
            indicatorRows));
    List<List<Object>> breakdown = new ArrayList<>();
    for (String measure :
        values.stream().map(IndicatorValue::measure).filter(m -> m != null).distinct().toList()) {
      for (String dimension : dimensions(measure)) {
        MeasureResult result =
            queries
                .query(
                    new MeasureQuery(measure, covered, from, to, knownAt, List.of(dimension)),
                    ResponseTypes.instanceOf(MeasureResult.class))
                .join();
        Set<Integer> hiddenRows =
            smallCounts.appliesTo(measure)
                ? SmallCounts.hiddenRows(
                    result.rows().stream().map(MeasureResult.Row::value).toList())
                : Set.of();
        for (int r = 0; r < result.rows().size(); r++) {
          MeasureResult.Row row = result.rows().get(r);
          breakdown.add(
              cells(
                  labels.measure(measure),
                  labels.dimension(dimension),
                  labels.group(dimension, row.dimensions().get(dimension)),
                  hiddenRows.contains(r) ? hidden : row.value()));
        }
      }
    }
    sections.add(
        new Section(
            labels.text("report.section.breakdown"),
            List.of(
                labels.text("report.col.measure"),
                labels.text("report.col.dimension"),
                labels.text("report.col.group"),
                labels.text("report.col.count")),
            breakdown));

    String name = "bao-cao-" + plan + "-" + period + (area == null ? "" : "-" + area);
    if (format.equals("xlsx")) {
      return new File(name + ".xlsx", XLSX, ReportFiles.xlsx(sections), reportPeriod, knownAt);
    }
    byte[] csv =
        table == null
            ? ReportFiles.csv(sections, ReportFiles.Dialect.CONTRACT)
            : ReportFiles.csv(
                List.of(sections.get(TABLES.indexOf(table))),
                ReportFiles.Dialect.of(labels.language()));
    return new File(
        name + (table == null ? "" : "-" + table) + ".csv",
        new MediaType("text", "csv", StandardCharsets.UTF_8),
        csv,
        reportPeriod,
        knownAt);
  }

  /** The window the statistician chose: {@code decree-09}, {@code plan} or {@code calendar}. */
  static ReportPeriod.Window window(Violations v, String window) {
    if (window == null) {
      return null;
    }
    for (ReportPeriod.Window w : ReportPeriod.Window.values()) {
      if (w.name().replace('_', '-').equalsIgnoreCase(window)) {
        return w;
      }
    }
    v.add("window", "unknown-code", "decree-09, plan, calendar");
    return null;
  }

  static List<String> dimensions(String measure) {
    List<String> dims = new ArrayList<>(List.of("sex", "ageGroup"));
    switch (measure) {
      case "abused-children" -> dims.add("form");
      case "injured-children", "injury-deaths" -> dims.add("injuryCause");
      case "special-circumstance-children", "special-circumstance-supported" -> dims.add("group");
      default -> {
        // sex and age group only
      }
    }
    return dims;
  }

  private static List<Object> cells(Object... values) {
    List<Object> row = new ArrayList<>();
    for (Object value : values) {
      row.add(value);
    }
    return row;
  }

  private String areaName(AreaCode code) {
    return queries
        .query(new FindAreaQuery(code), ResponseTypes.optionalInstanceOf(AreaView.class))
        .join()
        .map(a -> a.name() + " (" + code.value() + ")")
        .orElse(code.value());
  }
}
