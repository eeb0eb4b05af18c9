package vn.cpms.infra.web.children;

import static vn.cpms.infra.web.RequestValidation.required;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.IfMatch;
import vn.cpms.infra.web.cases.ChildRequest;
import vn.cpms.kernel.children.ChildSummary;
import vn.cpms.kernel.children.ChildView;

/** The REST endpoints of {@link ChildService}: HTTP in and out, nothing else. */
@RestController
@RequestMapping("/api/v1/children")
public class ChildController {
  private final ChildService service;

  public ChildController(ChildService service) {
    this.service = service;
  }

  /** Registers a child; {@code 201} with {@code Location}, {@code 200} for a repeat by id. */
  @PostMapping
  public ResponseEntity<CommandSender.Updated> register(@RequestBody ChildRequest body) {
    return service.register(body).response();
  }

  @GetMapping("/{id}")
  public ResponseEntity<ChildView> get(@PathVariable UUID id) {
    return service.get(id).response();
  }

  /**
   * Duplicate detection at intake: by name (accents ignored) or birth date ({@code yyyy-MM-dd}).
   */
  @GetMapping
  public List<ChildSummary> search(
      @RequestParam(required = false) String query,
      @RequestParam(required = false) List<String> area) {
    return service.search(query, area);
  }

  /**
   * The same search with the name or birth date in the body ({@code {query, area?}}), so that they
   * appear in no URL, no proxy log and no browser history (issue 17); prefer it to the GET.
   */
  @PostMapping("/search")
  public List<ChildSummary> searchByBody(@RequestBody ChildService.SearchRequest body) {
    return service.search(body);
  }

  @PostMapping("/{id}/special-circumstances")
  public ResponseEntity<CommandSender.Updated> identify(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody ChildService.CircumstanceRequest body) {
    return IfMatch.ok(service.identify(id, IfMatch.version(ifMatch), body));
  }

  /**
   * Crypto-shreds the child's personal data (ADMIN): name, exact birth date, address, guardian, and
   * the free texts of its cases and of the calls escalated about it become unreadable for good; the
   * history and every statistic stay. Erasing twice answers the same version.
   */
  @PostMapping("/{id}/erasure")
  public ResponseEntity<CommandSender.Updated> erase(
      @PathVariable UUID id, @RequestBody(required = false) ChildService.ErasureRequest body) {
    return IfMatch.ok(service.erase(id, body));
  }

  @PostMapping("/{id}/special-circumstances/{group}/end")
  public ResponseEntity<CommandSender.Updated> end(
      @PathVariable UUID id,
      @PathVariable String group,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody ChildService.EndRequest body) {
    return IfMatch.ok(service.end(id, group, IfMatch.version(ifMatch), body));
  }

  @PostMapping("/{id}/support")
  public ResponseEntity<CommandSender.Updated> support(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody ChildService.SupportRequest body) {
    return IfMatch.ok(service.support(id, IfMatch.version(ifMatch), body));
  }

  @PostMapping("/{id}/incidents")
  public ResponseEntity<ChildService.RecordedIncident> incident(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody ChildService.IncidentRequest body) {
    return service.incident(id, IfMatch.version(ifMatch), body).response();
  }
}
