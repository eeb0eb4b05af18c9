package vn.cpms.infra.web.cases;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/cases/reassignment} (issue 20; an addition to API.md). */
@RestController
public class ReassignmentController {
  private final Reassignment reassignment;

  public ReassignmentController(Reassignment reassignment) {
    this.reassignment = reassignment;
  }

  @PostMapping("/api/v1/cases/reassignment")
  public Reassignment.Result reassign(@RequestBody Reassignment.Request body) {
    return reassignment.reassign(body);
  }
}
