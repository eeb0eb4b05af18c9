package vn.cpms.infra.ui;

import java.time.LocalDate;
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
import vn.cpms.infra.statistics.RegisterService;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;

/**
 * The registers the plans count, as pages: the communes of an area with their child-friendly status
 * for a year (and the form to record one), and the child protection fund's entries of the year with
 * its totals (and the form to record an entry).
 */
@Controller
@RequestMapping("/statistics/registers")
public class RegistersUiController {
  private final RegisterService registers;
  private final UiSubmit submit;
  private final UiAreas areas;

  public RegistersUiController(RegisterService registers, UiSubmit submit, UiAreas areas) {
    this.registers = registers;
    this.submit = submit;
    this.areas = areas;
  }

  @GetMapping
  String page(@RequestParam MultiValueMap<String, String> values, Model model) {
    UiForm filter = UiForm.of("registers", values);
    if (filter.text("area") == null && !areas.mine().isEmpty()) {
      filter.with("area", areas.mine().get(0).code().value());
    }
    if (filter.text("year") == null) {
      filter.with("year", String.valueOf(LocalDate.now(VietnamTime.ZONE).getYear()));
    }
    model.addAttribute("filter", filter);
    Object found =
        submit.run(
            filter,
            () -> {
              Violations v = Violations.collect();
              Integer year = UiDates.integer(v, "year", filter.text("year"));
              v.throwIfAny();
              AreaCode area = AreaCode.of(filter.v("area"));
              model.addAttribute("communes", registers.childFriendlyCommunes(area, year));
              model.addAttribute(
                  "fund",
                  registers.fund(area, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
              return Boolean.TRUE;
            });
    if (found == null) {
      model.addAttribute("communes", List.of());
      model.addAttribute("fund", Map.of());
    }
    if (!model.containsAttribute("friendly")) {
      model.addAttribute(
          "friendly",
          UiForm.empty("friendly").with("year", filter.v("year")).with("childFriendly", "true"));
    }
    if (!model.containsAttribute("entry")) {
      model.addAttribute(
          "entry",
          UiForm.empty("entry")
              .with("area", filter.v("area"))
              .with("kind", "CONTRIBUTION")
              .with("on", UiDates.today()));
    }
    return "registers";
  }

  @PostMapping("/child-friendly")
  String childFriendly(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("friendly", values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              Integer year = UiDates.integer(v, "year", form.text("year"));
              LocalDate on = UiDates.date(v, "decidedOn", form.text("decidedOn"));
              if (year == null) {
                v.add("year", "required");
              }
              AreaCode commune =
                  vn.cpms.infra.web.cases.CaseRequests.area(
                      v, "communeCode", form.text("communeCode"));
              v.throwIfAny();
              registers.childFriendly(
                  commune,
                  year,
                  form.has("childFriendly", "true"),
                  form.text("decisionNumber"),
                  on);
              return Boolean.TRUE;
            });
    return after(form, done, "friendly", model, next);
  }

  @PostMapping("/fund")
  String fund(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("entry", values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              Long amount = UiDates.number(v, "amountVnd", form.text("amountVnd"));
              LocalDate on = UiDates.date(v, "on", form.text("on"));
              AreaCode area =
                  vn.cpms.infra.web.cases.CaseRequests.area(v, "area", form.text("area"));
              v.throwIfAny();
              return registers.fundEntry(
                  area,
                  null,
                  form.text("kind"),
                  amount,
                  on,
                  form.text("source"),
                  form.text("purpose"));
            });
    return after(form, done, "entry", model, next);
  }

  private String after(
      UiForm form, Object done, String name, Model model, RedirectAttributes next) {
    if (done == null) {
      model.addAttribute(name, form);
      MultiValueMap<String, String> filter = new org.springframework.util.LinkedMultiValueMap<>();
      if (form.text("year") != null) {
        filter.add("year", form.text("year"));
      }
      return page(filter, model);
    }
    next.addFlashAttribute("saved", name);
    return "redirect:/statistics/registers"
        + (form.text("year") != null ? "?year=" + form.text("year") : "");
  }
}
