package vn.cpms.infra.ui;

import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.cpms.infra.web.cases.CaseService;
import vn.cpms.kernel.VietnamTime;

/** The supervisor's desk: plans waiting for approval and overdue cases across their communes. */
@Controller
public class SupervisionUiController {
  private final CaseService cases;
  private final UiAssignees people;
  private final vn.cpms.infra.web.cases.Reassignment reassignment;
  private final UiSubmit submit;
  private final vn.cpms.infra.web.alerts.DeathAlertService alerts;

  public SupervisionUiController(
      CaseService cases,
      UiAssignees people,
      vn.cpms.infra.web.cases.Reassignment reassignment,
      UiSubmit submit,
      vn.cpms.infra.web.alerts.DeathAlertService alerts) {
    this.alerts = alerts;
    this.cases = cases;
    this.people = people;
    this.reassignment = reassignment;
    this.submit = submit;
  }

  /** The supervisor has taken note of a child's death: the alert leaves their page. */
  @org.springframework.web.bind.annotation.PostMapping("/supervision/alerts/{id}/acknowledgement")
  String acknowledge(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id) {
    alerts.acknowledge(id);
    return "redirect:/supervision";
  }

  /** Every open case of a worker who leaves, to another worker, in one step (issue 20). */
  @org.springframework.web.bind.annotation.PostMapping("/supervision/reassignment")
  String reassign(
      @org.springframework.web.bind.annotation.RequestParam
          org.springframework.util.MultiValueMap<String, String> values,
      Model model,
      org.springframework.web.servlet.mvc.support.RedirectAttributes next) {
    UiForm form = UiForm.of("reassignment", values);
    var result =
        submit.run(
            form,
            () ->
                reassignment.reassign(
                    new vn.cpms.infra.web.cases.Reassignment.Request(
                        form.text("fromUsername"), form.text("toUsername"))));
    if (result == null) {
      model.addAttribute("reassignment", form);
      return desk(model);
    }
    next.addFlashAttribute("reassigned", result);
    return "redirect:/supervision";
  }

  @GetMapping("/supervision")
  String desk(Model model) {
    var waiting = cases.list(null, "PLAN_SUBMITTED", null, null, 0, 100);
    var overdue = cases.list(null, null, null, true, 0, 100);
    model.addAttribute("waiting", waiting);
    model.addAttribute("overdueCases", overdue);
    var names = new java.util.HashMap<>(cases.childNames(waiting.content()));
    names.putAll(cases.childNames(overdue.content()));
    model.addAttribute("childNames", names);
    model.addAttribute("today", LocalDate.now(VietnamTime.ZONE));
    model.addAttribute("workers", people.workersOfMyAreas());
    model.addAttribute("deathAlerts", alerts.open());
    if (!model.containsAttribute("reassignment")) {
      model.addAttribute("reassignment", UiForm.empty("reassignment"));
    }
    return "supervision";
  }
}
