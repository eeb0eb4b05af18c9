package vn.cpms.infra.web.alerts;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.kernel.alerts.DeathAlertView;

/** {@code /api/v1/alerts}: the death alerts of a supervisor's areas (issue 20, additions). */
@RestController
public class DeathAlertController {
  private final DeathAlertService alerts;

  public DeathAlertController(DeathAlertService alerts) {
    this.alerts = alerts;
  }

  @GetMapping("/api/v1/alerts")
  public List<DeathAlertView> open() {
    return alerts.open();
  }

  @PostMapping("/api/v1/alerts/{id}/acknowledgement")
  public ResponseEntity<Void> acknowledge(@PathVariable UUID id) {
    alerts.acknowledge(id);
    return ResponseEntity.noContent().build();
  }
}
