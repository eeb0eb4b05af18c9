package vn.cpms.infra.web.admin;

import static vn.cpms.infra.web.RequestValidation.code;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.kernel.area.AreaView;

/** The REST endpoints of {@link AreaService}: HTTP in and out, nothing else. */
@RestController
@RequestMapping("/api/v1/areas")
public class AreaController {
  private final AreaService service;

  public AreaController(AreaService service) {
    this.service = service;
  }

  @PutMapping("/{code}")
  public ResponseEntity<Void> define(
      @PathVariable String code, @RequestBody AreaService.AreaRequest body) {
    service.define(code, body);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{code}/succession")
  public ResponseEntity<Void> succession(
      @PathVariable String code, @RequestBody AreaService.SuccessionRequest body) {
    service.succession(code, body);
    return ResponseEntity.noContent().build();
  }

  @GetMapping
  public List<AreaView> list() {
    return service.list();
  }
}
