package vn.cpms.infra.ui;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cpms.infra.operations.DeadLetters;

/**
 * The national admin's operations pages: {@code /admin/dead-letters} (issue 18: the events the
 * projections parked, each sequence with a retry and an eviction that needs a reason), {@code
 * /admin/projections} (state and rebuild) and {@code /admin/audit} (the audit log in Vietnam time),
 * through the same services as their API.
 */
@Controller
public class OperationsUiController {
  static final int AUDIT_PAGE = 50;

  private final DeadLetters deadLetters;
  private final vn.cpms.infra.web.admin.Projections projections;
  private final vn.cpms.infra.audit.AuditTrail audit;
  private final UiSubmit submit;

  public OperationsUiController(
      DeadLetters deadLetters,
      vn.cpms.infra.web.admin.Projections projections,
      vn.cpms.infra.audit.AuditTrail audit,
      UiSubmit submit) {
    this.deadLetters = deadLetters;
    this.submit = submit;
    this.projections = projections;
    this.audit = audit;
  }

  /** The read models, each with its position and a rebuild without downtime (issue 19). */
  @GetMapping("/admin/projections")
  String projections(Model model) {
    model.addAttribute("projections", projections.list());
    return "admin-projections";
  }

  @PostMapping("/admin/projections/{name}/rebuild")
  String rebuild(@PathVariable String name, RedirectAttributes next) {
    try {
      projections.rebuild(name);
      next.addFlashAttribute("rebuilding", name);
    } catch (vn.cpms.kernel.RuleViolationException running) {
      next.addFlashAttribute("alreadyRebuilding", name); // one rebuild at a time, on any node
    }
    return "redirect:/admin/projections";
  }

  /**
   * The audit log, newest first, in Vietnam time (issue 19: it showed UTC), filtered by user, by
   * resource id and by dates ({@code dd/MM/yyyy}, Vietnam days).
   */
  @GetMapping("/admin/audit")
  String audit(@RequestParam MultiValueMap<String, String> values, Model model) {
    UiForm form = UiForm.of("audit", values);
    int page = Math.max(0, parsePage(form.text("page")));
    String user = form.text("username");
    String resource = form.text("resourceId");
    java.time.Instant[] window =
        submit.run(
            form,
            () -> {
              vn.cpms.kernel.Violations v = vn.cpms.kernel.Violations.collect();
              var from = UiDates.date(v, "from", form.text("from"));
              var to = UiDates.date(v, "to", form.text("to"));
              v.throwIfAny();
              return new java.time.Instant[] {
                from == null
                    ? null
                    : from.atStartOfDay(vn.cpms.kernel.VietnamTime.ZONE).toInstant(),
                to == null
                    ? null
                    : to.plusDays(1).atStartOfDay(vn.cpms.kernel.VietnamTime.ZONE).toInstant()
              };
            });
    if (window == null) {
      window = new java.time.Instant[2];
    }
    model.addAttribute("form", form);
    model.addAttribute(
        "entries", audit.find(user, resource, window[0], window[1], page, AUDIT_PAGE));
    long total = audit.count(user, resource, window[0], window[1]);
    model.addAttribute("total", total);
    model.addAttribute("page", page);
    model.addAttribute("pages", Math.max(1, (total + AUDIT_PAGE - 1) / AUDIT_PAGE));
    return "admin-audit";
  }

  private static int parsePage(String text) {
    try {
      return text == null ? 0 : Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @GetMapping("/admin/dead-letters")
  String list(Model model) {
    model.addAttribute("sequences", deadLetters.list());
    return "dead-letters";
  }

  @PostMapping("/admin/dead-letters/{projection}/{sequence}/retry")
  String retry(
      @PathVariable String projection, @PathVariable String sequence, RedirectAttributes next) {
    next.addFlashAttribute(
        "done", deadLetters.retry(projection, sequence) ? "retried" : "still-failing");
    return "redirect:/admin/dead-letters";
  }

  @PostMapping("/admin/dead-letters/{projection}/{sequence}/eviction")
  String evict(
      @PathVariable String projection,
      @PathVariable String sequence,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      RedirectAttributes next) {
    String reason = values.getFirst("reason");
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      model.addAttribute("reasonMissing", projection + "/" + sequence);
      return list(model);
    }
    deadLetters.evict(projection, sequence, reason);
    next.addFlashAttribute("done", "evicted");
    return "redirect:/admin/dead-letters";
  }
}
