package vn.cpms.infra.audit;

import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.web.PageResource;

/** {@code GET /api/v1/admin/audit} (ADMIN): who read or changed what, newest first. */
@RestController
@RequestMapping("/api/v1/admin/audit")
public class AuditController {
  private final AuditTrail trail;

  public AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping
  public PageResource<AuditTrail.Entry> find(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String resourceId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    int pageSize = Math.max(1, Math.min(size, 500));
    int pageNumber = Math.max(0, page);
    return PageResource.of(
        trail.find(username, resourceId, from, to, pageNumber, pageSize),
        pageNumber,
        pageSize,
        trail.count(username, resourceId, from, to));
  }
}
