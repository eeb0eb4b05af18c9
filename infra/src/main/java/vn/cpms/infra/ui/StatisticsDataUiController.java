package vn.cpms.infra.ui;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cpms.infra.statistics.ImportTemplates;
import vn.cpms.infra.statistics.StatisticsImports;
import vn.cpms.infra.web.statistics.IndicatorService;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;

/**
 * The statistician's data page: population and other sectors' figures entered in a form, or
 * imported from a sheet filled in from its template (all or nothing, the refused rows listed with
 * the reason).
 */
@Controller
@RequestMapping("/statistics/data")
public class StatisticsDataUiController {
  private final StatisticsImports imports;
  private final ImportTemplates templates;
  private final IndicatorService indicators;
  private final UiSubmit submit;
  private final UiAreas areas;

  public StatisticsDataUiController(
      StatisticsImports imports,
      ImportTemplates templates,
      IndicatorService indicators,
      UiSubmit submit,
      UiAreas areas) {
    this.imports = imports;
    this.templates = templates;
    this.indicators = indicators;
    this.submit = submit;
    this.areas = areas;
  }

  @GetMapping
  String page(Model model) {
    String area = areas.mine().isEmpty() ? null : areas.mine().get(0).code().value();
    String year = String.valueOf(LocalDate.now(VietnamTime.ZONE).getYear());
    for (String name : List.of("population", "figure", "template", "import")) {
      if (!model.containsAttribute(name)) {
        model.addAttribute(name, UiForm.empty(name).with("area", area).with("year", year));
      }
    }
    model.addAttribute("plans", indicators.plans());
    model.addAttribute("ages", IntStream.rangeClosed(0, 17).boxed().toList());
    return "statistics-data";
  }

  @GetMapping("/template")
  ResponseEntity<byte[]> template(@RequestParam MultiValueMap<String, String> values)
      throws IOException {
    UiForm form = UiForm.of("template", values);
    Violations v = Violations.collect();
    Integer year = required(v, UiDates.integer(v, "year", form.text("year")));
    v.throwIfAny();
    AreaCode area = AreaCode.of(form.v("area"));
    boolean xlsx = !"csv".equals(form.text("format"));
    ImportTemplates.File file =
        "figures".equals(form.text("kind"))
            ? templates.figures(imports.plans().get(form.v("plan")), area, year, xlsx)
            : templates.population(area, year, xlsx);
    return vn.cpms.infra.web.Downloads.template(file);
  }

  @PostMapping("/import")
  String importFile(
      @RequestParam("kind") String kind,
      @RequestParam("file") MultipartFile file,
      Model model,
      RedirectAttributes next)
      throws IOException {
    StatisticsImports.Result result =
        "figures".equals(kind)
            ? imports.figures(file.getBytes())
            : imports.population(file.getBytes());
    if (!result.accepted()) {
      model.addAttribute("refused", result.refused());
      model.addAttribute("refusedKind", kind);
      return page(model);
    }
    next.addFlashAttribute("imported", result);
    return "redirect:/statistics/data";
  }

  @PostMapping("/population")
  String population(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("population", values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              Integer year = required(v, UiDates.integer(v, "year", form.text("year")));
              List<IndicatorService.PopulationRowRequest> rows = new ArrayList<>();
              for (int age = 0; age <= 17; age++) {
                for (String sex : List.of("FEMALE", "MALE")) {
                  Integer count = UiDates.integer(v, sex + "-" + age, form.text(sex + "-" + age));
                  if (count != null) {
                    rows.add(new IndicatorService.PopulationRowRequest(sex, age, (long) count));
                  }
                }
              }
              v.throwIfAny();
              indicators.population(
                  form.v("area"), year, new IndicatorService.PopulationRequest(rows));
              return Boolean.TRUE;
            });
    if (done == null) {
      model.addAttribute("population", form);
      return page(model);
    }
    next.addFlashAttribute("saved", "population");
    return "redirect:/statistics/data";
  }

  private static Integer required(Violations v, Integer year) {
    if (year == null && v.list().stream().noneMatch(x -> x.field().equals("year"))) {
      v.add("year", "required");
    }
    return year;
  }

  @PostMapping("/figure")
  String figure(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("figure", values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              Integer year = required(v, UiDates.integer(v, "year", form.text("year")));
              Double numerator = UiDates.decimal(v, "numerator", form.text("numerator"));
              Double denominator = UiDates.decimal(v, "denominator", form.text("denominator"));
              Double value = UiDates.decimal(v, "value", form.text("value"));
              v.throwIfAny();
              indicators.planFigure(
                  form.v("area"),
                  year,
                  form.v("plan"),
                  form.v("indicatorCode"),
                  new IndicatorService.FigureRequest(numerator, denominator, value));
              return Boolean.TRUE;
            });
    if (done == null) {
      model.addAttribute("figure", form);
      return page(model);
    }
    next.addFlashAttribute("saved", "figure");
    return "redirect:/statistics/data";
  }
}
