package vn.cpms.infra.ui;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.cpms.infra.web.inbox.Inbox;

/** {@code /inbox}: the worker's and the supervisor's things to do now, most urgent first. */
@Controller
public class InboxUiController {
  private final Inbox inbox;

  public InboxUiController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/inbox")
  String inbox(Model model) {
    model.addAttribute("items", inbox.mine());
    return "inbox";
  }
}
