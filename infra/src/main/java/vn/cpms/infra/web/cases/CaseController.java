package vn.cpms.infra.web.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.web.PageResource;

/** The REST endpoints of {@link CaseService}: HTTP in and out, nothing else. */
@RestController
@RequestMapping("/api/v1/cases")
public class CaseController {
  private final CaseService service;

  public CaseController(CaseService service) {
    this.service = service;
  }

  /** Reports a case; {@code 201} with {@code Location}, or {@code 200} for a repeated report. */
  @PostMapping
  public ResponseEntity<CaseService.ReportedCase> report(@RequestBody ReportCaseRequest request) {
    return service.report(request).response();
  }

  @GetMapping("/{id}")
  public ResponseEntity<CaseResource> get(@PathVariable UUID id) {
    return service.get(id).response();
  }

  /** The worklist, most urgent first, in the Spring Data page shape. */
  @GetMapping
  public PageResource<CaseResource> list(
      @RequestParam(required = false) List<String> area,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String caseNumber,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return service.list(area, status, assignee, overdue, caseNumber, null, page, size);
  }
}
