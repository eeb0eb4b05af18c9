package vn.cpms.infra.statistics;

import java.io.ByteArrayOutputStream;
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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaSet;
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

  static final String HIDDEN = "Ẩn (số nhỏ)";
  static final String INTERIM = "Giữa kỳ: chưa đánh giá (chỉ tiêu năm)";

  private final QueryGateway queries;
  private final CallerScope scope;
  private final SmallCounts smallCounts;
  private final Clock clock;

  public PlanReports(
      QueryGateway queries, CallerScope scope, SmallCounts smallCounts, Clock clock) {
    this.queries = queries;
    this.scope = scope;
    this.smallCounts = smallCounts;
    this.clock = clock;
  }

  /** A section of the report: a title, headers and rows of cells. */
  record Section(String title, List<String> headers, List<List<Object>> rows) {}

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
    Violations v = Violations.collect();
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
    List<Section> sections = new ArrayList<>();
    String asOfText = knownAt.atZone(VietnamTime.ZONE).toOffsetDateTime().toString();
    sections.add(
        new Section(
            "Thông tin",
            List.of("Mục", "Nội dung"),
            List.of(
                List.of("Kế hoạch", thePlan.title()),
                List.of("Cơ quan ban hành", String.valueOf(thePlan.issuer())),
                List.of("Địa bàn", area == null ? "Toàn bộ" : area),
                List.of("Kỳ báo cáo", period + " (" + from + " – " + to + ")"),
                List.of("Cửa sổ số liệu", reportPeriod.window().name()),
                List.of("Căn cứ", String.valueOf(reportPeriod.basis())),
                List.of(
                    "Đánh giá so với chỉ tiêu",
                    reportPeriod.interim() ? INTERIM : "Theo chỉ tiêu của năm"),
                List.of("Số liệu tính đến (asOf)", asOfText))));
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
              i.unit(),
              i.target(),
              i.targetYear(),
              hideNumerator ? HIDDEN : i.numerator(),
              hideDenominator ? HIDDEN : i.denominator(),
              small ? HIDDEN : i.value(),
              small ? HIDDEN : reportPeriod.interim() ? INTERIM : statusVi(i.status()),
              i.source(),
              definition.agency()));
    }
    sections.add(
        new Section(
            "Chỉ tiêu",
            List.of(
                "Mã",
                "Chỉ tiêu",
                "Đơn vị",
                "Chỉ tiêu kế hoạch",
                "Năm mục tiêu",
                "Tử số",
                "Mẫu số",
                "Giá trị",
                "Đánh giá",
                "Nguồn số liệu",
                "Cơ quan chủ trì"),
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
        Set<Integer> hidden =
            smallCounts.appliesTo(measure)
                ? SmallCounts.hiddenRows(
                    result.rows().stream().map(MeasureResult.Row::value).toList())
                : Set.of();
        for (int r = 0; r < result.rows().size(); r++) {
          MeasureResult.Row row = result.rows().get(r);
          breakdown.add(
              cells(
                  measure,
                  dimension,
                  row.dimensions().get(dimension),
                  hidden.contains(r) ? HIDDEN : row.value()));
        }
      }
    }
    sections.add(
        new Section("Phân tổ", List.of("Số liệu", "Phân tổ theo", "Nhóm", "Số lượng"), breakdown));

    String name = "bao-cao-" + plan + "-" + period + (area == null ? "" : "-" + area);
    return format.equals("xlsx")
        ? new File(name + ".xlsx", XLSX, xlsx(sections), reportPeriod, knownAt)
        : new File(
            name + ".csv",
            new MediaType("text", "csv", StandardCharsets.UTF_8),
            csv(sections),
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

  static String statusVi(String status) {
    return switch (status) {
      case "ON_TRACK" -> "Đạt";
      case "OFF_TRACK" -> "Chưa đạt";
      case "NO_DATA" -> "Chưa có số liệu";
      case "NO_TARGET" -> "Không có chỉ tiêu so sánh";
      default -> status;
    };
  }

  private static List<Object> cells(Object... values) {
    List<Object> row = new ArrayList<>();
    for (Object value : values) {
      row.add(value);
    }
    return row;
  }

  /** UTF-8 with a byte-order mark (so that spreadsheet programs read Vietnamese correctly). */
  static byte[] csv(List<Section> sections) {
    StringBuilder out = new StringBuilder("\uFEFF");
    for (Section section : sections) {
      out.append(csvLine(List.of(section.title())))
          .append(csvLine(new ArrayList<>(section.headers())));
      for (List<Object> row : section.rows()) {
        out.append(csvLine(row));
      }
      out.append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String csvLine(List<?> cells) {
    List<String> quoted = new ArrayList<>();
    for (Object cell : cells) {
      String text = cell == null ? "" : format(cell);
      if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
        text = "\"" + text.replace("\"", "\"\"") + "\"";
      }
      quoted.add(text);
    }
    return String.join(",", quoted) + "\r\n";
  }

  private static String format(Object cell) {
    if (cell instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return String.valueOf(d.longValue());
    }
    return cell.toString();
  }

  static byte[] xlsx(List<Section> sections) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (Section section : sections) {
        Sheet sheet = book.createSheet(section.title());
        Row header = sheet.createRow(0);
        for (int c = 0; c < section.headers().size(); c++) {
          header.createCell(c).setCellValue(section.headers().get(c));
        }
        for (int r = 0; r < section.rows().size(); r++) {
          Row row = sheet.createRow(r + 1);
          List<Object> cells = section.rows().get(r);
          for (int c = 0; c < cells.size(); c++) {
            Object value = cells.get(c);
            if (value instanceof Number n) {
              row.createCell(c).setCellValue(n.doubleValue());
            } else if (value != null) {
              row.createCell(c).setCellValue(value.toString());
            }
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }
}
