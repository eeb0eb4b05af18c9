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
 * {@code /admin/dead-letters} (national admin, issue 18): the events the projections parked, each
 * sequence with a retry and an eviction that needs a reason; the same {@link DeadLetters} service
 * as {@code /api/v1/admin/dead-letters}.
 */
@Controller
public class OperationsUiController {
  private final DeadLetters deadLetters;

  public OperationsUiController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
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
