package vn.cpms.infra.web.admin;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The projections (ADMIN): their state and dead letters, and a rebuild that resets one and replays
 * every event into it while the application keeps running.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
public class ProjectionController {
  private final Projections projections;

  public ProjectionController(Projections projections) {
    this.projections = projections;
  }

  @GetMapping
  public List<Map<String, Object>> list() {
    return projections.list();
  }

  @GetMapping("/{name}")
  public Map<String, Object> get(@PathVariable String name) {
    return projections.get(name);
  }

  /**
   * Rebuilds the projection beside its live tables, which keep answering, and switches when the
   * rebuilt one has caught up ({@link vn.cpms.infra.operations.ShadowRebuild}); answers at once,
   * {@code rebuilding: true} until the switch; 409 while one runs.
   */
  @PostMapping("/{name}/rebuild")
  public ResponseEntity<Map<String, Object>> rebuild(@PathVariable String name) {
    return ResponseEntity.accepted().body(projections.rebuild(name));
  }
}
