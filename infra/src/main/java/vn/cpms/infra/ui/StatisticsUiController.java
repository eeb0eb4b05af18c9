package vn.cpms.infra.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cpms.infra.web.statistics.IndicatorService;
import vn.cpms.infra.web.statistics.StatisticsService;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;

/**
 * The statistician's screens: a plan's indicators against their targets (per area and year, with a
 * chart), the measure explorer (measure, period, as-of, breakdown → table and chart) and the report
 * downloads (CSV, XLSX). Figures come from the API's controllers, so small counts are hidden the
 * same way.
 */
@Controller
@RequestMapping("/statistics")
public class StatisticsUiController {
  private final IndicatorService indicators;
  private final StatisticsService statistics;
  private final vn.cpms.infra.statistics.PlanReports reports;
  private final UiSubmit submit;
  private final UiAreas areas;
  private final UiCodes codes;
  private final ObjectMapper json;
  private final vn.cpms.infra.statistics.ReportFilings filings;
  private final vn.cpms.infra.statistics.StatisticsImports registry;
  private final vn.cpms.infra.statistics.ReportLabels labels;

  public StatisticsUiController(
      IndicatorService indicators,
      StatisticsService statistics,
      vn.cpms.infra.statistics.PlanReports reports,
      UiSubmit submit,
      UiAreas areas,
      UiCodes codes,
      ObjectMapper json,
      vn.cpms.infra.statistics.ReportFilings filings,
      vn.cpms.infra.statistics.StatisticsImports registry,
      vn.cpms.infra.statistics.ReportLabels labels) {
    this.labels = labels;
    this.indicators = indicators;
    this.statistics = statistics;
    this.reports = reports;
    this.submit = submit;
    this.areas = areas;
    this.codes = codes;
    this.json = json;
    this.filings = filings;
    this.registry = registry;
  }

  private String defaultArea() {
    var mine = areas.mine();
    return mine.isEmpty() ? null : mine.get(0).code().value();
  }

  @GetMapping
  String dashboard(@RequestParam MultiValueMap<String, String> values, Model model)
      throws JsonProcessingException {
    List<Map<String, Object>> plans = indicators.plans();
    UiForm form = UiForm.of("dashboard", values);
    if (form.text("plan") == null && !plans.isEmpty()) {
      form.with("plan", String.valueOf(plans.get(0).get("id")));
    }
    if (form.text("area") == null && defaultArea() != null) {
      form.with("area", defaultArea());
    }
    if (form.text("year") == null) {
      form.with("year", String.valueOf(LocalDate.now(VietnamTime.ZONE).getYear()));
    }
    List<Map<String, Object>> rows =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              Integer year = UiDates.integer(v, "year", form.text("year"));
              v.throwIfAny();
              return indicators.indicators(form.text("plan"), form.text("area"), year, null);
            });
    model.addAttribute("plans", plans);
    model.addAttribute("form", form);
    model.addAttribute("rows", rows == null ? List.of() : rows);
    model.addAttribute("calendar", calendar(form));
    model.addAttribute("charts", charts(rows));
    return "statistics";
  }

  /**
   * One chart per unit (issue 19: one axis mixed %, per 100,000 and counts), each comparing the
   * figures with their targets, in the order the units first appear in the plan.
   */
  private List<Map<String, Object>> charts(List<Map<String, Object>> rows)
      throws com.fasterxml.jackson.core.JsonProcessingException {
    Map<String, List<Map<String, Object>>> byUnit = new LinkedHashMap<>();
    for (Map<String, Object> row : rows == null ? List.<Map<String, Object>>of() : rows) {
      if (row.get("value") != null) {
        byUnit.computeIfAbsent(String.valueOf(row.get("unit")), u -> new ArrayList<>()).add(row);
      }
    }
    List<Map<String, Object>> charts = new ArrayList<>();
    for (var unit : byUnit.entrySet()) {
      String unitLabel = labels.unit(unit.getKey());
      Map<String, Object> chart = new LinkedHashMap<>();
      chart.put("type", "bar");
      chart.put("labels", unit.getValue().stream().map(r -> r.get("code")).toList());
      List<Map<String, Object>> datasets = new ArrayList<>();
      datasets.add(
          Map.of(
              "label",
              codes.ui("ui.stats.value") + " (" + unitLabel + ")",
              "data",
              unit.getValue().stream().map(r -> r.get("value")).toList()));
      datasets.add(
          Map.of(
              "label",
              codes.ui("ui.stats.target") + " (" + unitLabel + ")",
              "data",
              unit.getValue().stream().map(r -> r.get("target")).toList()));
      chart.put("datasets", datasets);
      chart.put("unit", unitLabel);
      charts.add(
          Map.of(
              "unit",
              unitLabel,
              "id",
              "chart-" + unit.getKey(),
              "json",
              json.writeValueAsString(chart)));
    }
    return charts;
  }

  /** The reports of the year due for the area: what is overdue and due soon comes first. */
  private List<Map<String, Object>> calendar(UiForm form) {
    try {
      int year = Integer.parseInt(form.v("year"));
      return filings.calendar(
          vn.cpms.kernel.area.AreaCode.of(form.v("area")),
          year,
          List.copyOf(registry.plans().values()));
    } catch (RuntimeException e) {
      return List.of(); // no area or year to show yet: the form says why
    }
  }

  @GetMapping("/explorer")
  String explorer(@RequestParam MultiValueMap<String, String> values, Model model)
      throws JsonProcessingException {
    UiForm form = UiForm.of("explorer", values);
    LocalDate today = LocalDate.now(VietnamTime.ZONE);
    if (form.text("measure") == null) {
      form.with("measure", "cases-reported");
    }
    if (form.text("area") == null && defaultArea() != null) {
      form.with("area", defaultArea());
    }
    if (form.text("from") == null) {
      form.with("from", today.withDayOfYear(1).format(UiDates.SHOW_DATE));
    }
    if (form.text("to") == null) {
      form.with("to", today.withDayOfYear(1).plusYears(1).minusDays(1).format(UiDates.SHOW_DATE));
    }
    String by = form.text("by");
    Map<String, Object> result =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var from = UiDates.date(v, "from", form.text("from"));
              var to = UiDates.date(v, "to", form.text("to"));
              var asOf = UiDates.dateTime(v, "asOf", form.text("asOf"));
              v.throwIfAny();
              return statistics.measure(
                  form.text("measure"), form.text("area"), from, to, asOf, by);
            });
    model.addAttribute("form", form);
    model.addAttribute("result", result);
    List<String> labels = new ArrayList<>();
    List<Object> data = new ArrayList<>();
    List<List<String>> cells = new ArrayList<>();
    if (result != null && by != null) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> rows = (List<Map<String, Object>>) result.get("rows");
      for (Map<String, Object> row : rows) {
        List<String> rowCells = new ArrayList<>();
        for (String dimension : by.split(",")) {
          rowCells.add(String.valueOf(this.labels.group(dimension, row.get(dimension))));
        }
        labels.add(String.join(" · ", rowCells));
        data.add(row.get("value"));
        cells.add(rowCells);
      }
    }
    model.addAttribute("cells", cells);
    model.addAttribute("values", data);
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("type", "bar");
    chart.put("labels", labels);
    chart.put(
        "datasets",
        List.of(Map.of("label", codes.label("measure", form.v("measure")), "data", data)));
    model.addAttribute("chart", json.writeValueAsString(chart));
    return "explorer";
  }

  @GetMapping("/reports")
  String reportsPage(@RequestParam MultiValueMap<String, String> values, Model model) {
    UiForm form = UiForm.of("report", values);
    return reportsPage(form, model);
  }

  private String reportsPage(UiForm form, Model model) {
    if (form.text("failed") != null) {
      // Back from a refused download: the API's messages for what was asked.
      submit.run(form, () -> produce(form));
    }
    if (form.text("area") == null && defaultArea() != null) {
      form.with("area", defaultArea());
    }
    if (form.text("period") == null) {
      form.with("period", LocalDate.now(VietnamTime.ZONE).getYear() + "-H1");
    }
    model.addAttribute("plans", indicators.plans());
    model.addAttribute("form", form);
    return "reports";
  }

  /** The file as the API makes it; when refused, back to the form with the API's messages. */
  @GetMapping("/reports/download")
  ResponseEntity<byte[]> download(@RequestParam MultiValueMap<String, String> values) {
    UiForm form = UiForm.of("report", values);
    ResponseEntity<byte[]> file = submit.run(form, () -> produce(form));
    if (file != null) {
      return file;
    }
    return ResponseEntity.status(303)
        .location(
            org.springframework.web.util.UriComponentsBuilder.fromPath("/statistics/reports")
                .queryParams(values)
                .queryParam("failed", "true")
                .encode()
                .build()
                .toUri())
        .build();
  }

  private ResponseEntity<byte[]> produce(UiForm form) {
    try {
      return vn.cpms.infra.web.Downloads.file(
          reports.produce(
              form.v("plan"),
              form.v("period"),
              form.text("area"),
              form.text("format") == null ? "csv" : form.text("format"),
              null,
              form.text("window"),
              // a CSV from the page is one table in the dialect of the user's Excel
              "xlsx".equals(form.text("format"))
                  ? null
                  : form.text("table") == null ? "indicators" : form.text("table")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
