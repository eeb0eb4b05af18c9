package vn.cpms.infra.ui;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cpms.infra.web.children.ChildService;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.children.ChildSummary;

/**
 * The child's page (special circumstances, support, incidents, each with its small form) and the
 * duplicate search used at intake (an htmx fragment).
 */
@Controller
@RequestMapping("/children")
public class ChildUiController {
  private final ChildService children;
  private final UiSubmit submit;

  public ChildUiController(ChildService children, UiSubmit submit) {
    this.children = children;
    this.submit = submit;
  }

  /**
   * Children that may be the one being reported: by name (accents ignored) or dd/MM/yyyy, posted
   * (the name travels in no URL).
   */
  @PostMapping("/search")
  String search(@RequestParam(required = false) String query, Model model) {
    String q = query == null ? "" : query.strip();
    Violations v = Violations.collect();
    var date = q.matches("\\d{1,2}/\\d{1,2}/\\d{4}") ? UiDates.date(v, "query", q) : null;
    List<ChildSummary> found = List.of();
    if (q.length() >= 2) {
      try {
        found = children.search(date == null ? q : date.toString(), null);
      } catch (InvalidInputException e) {
        found = List.of();
      }
    }
    model.addAttribute("query", q);
    model.addAttribute("found", found);
    return "fragments/children-search :: results";
  }

  @GetMapping("/{id}")
  String child(@PathVariable UUID id, Model model) {
    model.addAttribute(
        "child",
        children.get(id).body()); // after a form: waits for its position (ReadsFollowWrites)
    for (String name : List.of("circumstance", "end", "support", "incident")) {
      if (!model.containsAttribute(name)) {
        model.addAttribute(
            name,
            UiForm.empty(name)
                .with("identifiedOn", UiDates.today())
                .with("endedOn", UiDates.today())
                .with("providedOn", UiDates.today())
                .with("occurredOn", UiDates.today()));
      }
    }
    return "child";
  }

  private String after(
      UUID id, UiForm form, Object done, Model model, RedirectAttributes next, String name) {
    if (done == null) {
      model.addAttribute(name, form);
      return child(id, model);
    }
    next.addFlashAttribute("done", name);
    return "redirect:/children/" + id;
  }

  /** The version the page showed: the step fails with 409 if the record has moved on. */
  private static Long ifMatch(UiForm form) {
    String version = form.text("version");
    return version == null ? null : vn.cpms.infra.web.IfMatch.version("\"" + version + "\"");
  }

  @PostMapping("/{id}/special-circumstances")
  String identify(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      RedirectAttributes next) {
    UiForm form = UiForm.of("circumstance", values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var on = UiDates.date(v, "identifiedOn", form.text("identifiedOn"));
              UiSubmit.read(v);
              return children.identify(
                  id, ifMatch(form), new ChildService.CircumstanceRequest(form.text("group"), on));
            });
    return after(id, form, done, model, next, "circumstance");
  }

  @PostMapping("/{id}/special-circumstances/end")
  String end(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      RedirectAttributes next) {
    UiForm form = UiForm.of("end", values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var on = UiDates.date(v, "endedOn", form.text("endedOn"));
              UiSubmit.read(v);
              return children.end(
                  id,
                  form.v("group"),
                  ifMatch(form),
                  new ChildService.EndRequest(on, form.text("reason")));
            });
    return after(id, form, done, model, next, "end");
  }

  @PostMapping("/{id}/support")
  String support(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      RedirectAttributes next) {
    UiForm form = UiForm.of("support", values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var on = UiDates.date(v, "providedOn", form.text("providedOn"));
              Long amount = UiDates.number(v, "amountVnd", form.text("amountVnd"));
              UiSubmit.read(v);
              return children.support(
                  id,
                  ifMatch(form),
                  new ChildService.SupportRequest(
                      form.text("kind"), on, amount, form.text("note")));
            });
    return after(id, form, done, model, next, "support");
  }

  @PostMapping("/{id}/incidents")
  String incident(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      RedirectAttributes next) {
    UiForm form = UiForm.of("incident", values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var on = UiDates.date(v, "occurredOn", form.text("occurredOn"));
              UiSubmit.read(v);
              return children.incident(
                  id,
                  ifMatch(form),
                  new ChildService.IncidentRequest(
                      null,
                      form.text("type"),
                      on,
                      form.text("areaCode"),
                      form.text("injuryCause"),
                      form.has("fatal", "true"),
                      form.text("note")));
            });
    return after(id, form, done, model, next, "incident");
  }
}
