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

  public SupervisionUiController(CaseService cases) {
    this.cases = cases;
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
    return "supervision";
  }
}
