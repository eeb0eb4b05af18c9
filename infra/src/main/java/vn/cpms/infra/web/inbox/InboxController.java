package vn.cpms.infra.web.inbox;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/inbox}: what needs the signed-in worker or supervisor now (issue 20). */
@RestController
public class InboxController {
  private final Inbox inbox;

  public InboxController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/api/v1/inbox")
  public List<Inbox.Item> mine() {
    return inbox.mine();
  }
}
