package vn.cpms.infra.web.hotline;

import static vn.cpms.infra.web.RequestValidation.required;

import java.time.LocalDate;
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

/** The REST endpoints of {@link ContactService}: HTTP in and out, nothing else. */
@RestController
@RequestMapping("/api/v1/contacts")
public class ContactController {
  private final ContactService service;
  private final EscalationFollowUp followUps;

  public ContactController(ContactService service, EscalationFollowUp followUps) {
    this.service = service;
    this.followUps = followUps;
  }

  @PostMapping
  public ResponseEntity<ContactService.ReceivedContact> receive(
      @RequestBody ContactService.ContactRequest body) {
    return service.receive(body).response();
  }

  @GetMapping("/{id}")
  public ContactService.ContactResource get(@PathVariable UUID id) {
    return service.get(id);
  }

  /**
   * What became of the call's case, for the operator (issue 20): number, status, taken up or not,
   * referrals' services and answers ({@code escalated: false} for a call not escalated).
   */
  @GetMapping("/{id}/follow-up")
  public EscalationFollowUp.FollowUp followUp(@PathVariable UUID id) {
    return followUps.of(id);
  }

  /** The contacts of a period, newest first, in the Spring Data page shape. */
  @GetMapping
  public PageResource<ContactService.ContactResource> list(
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      @RequestParam(required = false) String category,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return service.list(from, to, category, page, size);
  }

  @PostMapping("/{id}/escalation")
  public ResponseEntity<ContactService.EscalatedContact> escalate(
      @PathVariable UUID id, @RequestBody ContactService.EscalationRequest body) {
    return service.escalate(id, body).response();
  }

  @PostMapping("/{id}/erasure")
  public ResponseEntity<Void> erase(
      @PathVariable UUID id, @RequestBody ContactService.ErasureRequest body) {
    service.eraseSummary(id, body);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/closure")
  public ResponseEntity<Void> close(
      @PathVariable UUID id, @RequestBody ContactService.ClosureRequest body) {
    service.close(id, body);
    return ResponseEntity.noContent().build();
  }
}
