package vn.cpms.infra.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The REST endpoints of {@link CodeService}: HTTP in and out, nothing else. */
@RestController
public class CodeController {
  private final CodeService service;

  public CodeController(CodeService service) {
    this.service = service;
  }

  @GetMapping("/api/v1/codes/{list}")
  public List<CodeService.CodeResource> list(@PathVariable String list) {
    return service.list(list);
  }
}
