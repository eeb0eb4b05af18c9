package vn.cpms.infra.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cpms.infra.statistics.Sheets;
import vn.cpms.infra.statistics.StatisticsImports;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.statistics.Plan;

/**
 * Every figure other sectors report for a plan, an area and a year in one form (issue 19: one JSON
 * call per indicator, area and year): one row per indicator the plan takes from other sectors'
 * figures, numerator and denominator or a value; the rows filled in are checked and saved together
 * or not at all, through the same path as an imported sheet ({@link StatisticsImports}).
 */
@Controller
@RequestMapping("/statistics/data/figures")
public class FiguresUiController {
  private final StatisticsImports imports;
  private final UiAreas areas;

  public FiguresUiController(StatisticsImports imports, UiAreas areas) {
    this.imports = imports;
    this.areas = areas;
  }

  @GetMapping
  String page(@RequestParam MultiValueMap<String, String> values, Model model) {
    UiForm form = UiForm.of("figures", values);
    Map<String, Plan> plans = imports.plans();
    if (form.text("plan") == null || !plans.containsKey(form.v("plan"))) {
      form.with("plan", plans.keySet().stream().sorted().findFirst().orElse(""));
    }
    if (form.text("area") == null && !areas.mine().isEmpty()) {
      form.with("area", areas.mine().get(0).code().value());
    }
    if (form.text("year") == null) {
      form.with("year", String.valueOf(LocalDate.now(VietnamTime.ZONE).getYear()));
    }
    model.addAttribute("form", form);
    model.addAttribute("plans", plans.values().stream().sorted(byId()).toList());
    Plan plan = plans.get(form.v("plan"));
    model.addAttribute(
        "indicators",
        plan == null
            ? List.of()
            : plan.indicators().stream().filter(i -> "FIGURES".equals(i.source())).toList());
    if (!model.containsAttribute("rowErrors")) {
      model.addAttribute("rowErrors", Map.of());
    }
    return "statistics-figures";
  }

  private static java.util.Comparator<Plan> byId() {
    return java.util.Comparator.comparing(Plan::id);
  }

  @PostMapping
  String save(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("figures", values);
    Plan plan = imports.plans().get(form.v("plan"));
    List<Sheets.Line> lines = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    if (plan != null) {
      for (Plan.Indicator indicator : plan.indicators()) {
        String code = indicator.code();
        String n = form.text("numerator." + code);
        String d = form.text("denominator." + code);
        String v = form.text("value." + code);
        if (n == null && d == null && v == null) {
          continue; // a row left empty is a figure not reported yet
        }
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("areaCode", form.v("area"));
        cells.put("year", form.v("year"));
        cells.put("planId", plan.id());
        cells.put("indicatorCode", code);
        cells.put("numerator", n);
        cells.put("denominator", d);
        cells.put("value", v);
        codes.add(code);
        lines.add(new Sheets.Line(lines.size() + 2, cells));
      }
    }
    if (lines.isEmpty()) {
      model.addAttribute("nothing", true);
      return page(values, model);
    }
    StatisticsImports.Result result = imports.figures(lines);
    if (!result.accepted()) {
      // each refusal next to its indicator's row (a row number is the line's, header = 1)
      Map<String, List<String>> rowErrors = new LinkedHashMap<>();
      for (StatisticsImports.Refusal r : result.refused()) {
        String code = r.row() - 2 < codes.size() && r.row() >= 2 ? codes.get(r.row() - 2) : "";
        rowErrors.computeIfAbsent(code, c -> new ArrayList<>()).add(r.message());
      }
      model.addAttribute("rowErrors", rowErrors);
      model.addAttribute("refused", result.refused().size());
      return page(values, model);
    }
    next.addFlashAttribute("savedFigures", result.records());
    return "redirect:"
        + org.springframework.web.util.UriComponentsBuilder.fromPath("/statistics/data/figures")
            .queryParam("plan", plan.id())
            .queryParam("area", form.v("area"))
            .queryParam("year", form.v("year"))
            .encode()
            .toUriString();
  }
}
