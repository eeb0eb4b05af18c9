package vn.cpms.infra.web.referrals;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.IfMatch;

/**
 * The service directory and the referrals of cases (issue 20; additions to API.md, in the README):
 * {@code /api/v1/providers}, {@code /api/v1/cases/{id}/referrals…}, {@code /api/v1/referrals} (a
 * provider's user's own).
 */
@RestController
public class ReferralController {
  private final ProviderService providers;
  private final ReferralService referrals;

  public ReferralController(ProviderService providers, ReferralService referrals) {
    this.providers = providers;
    this.referrals = referrals;
  }

  @GetMapping("/api/v1/providers")
  public List<ProviderService.ProviderResource> providers() {
    return providers.list();
  }

  @PutMapping("/api/v1/providers/{id}")
  public ResponseEntity<Void> define(
      @PathVariable UUID id, @RequestBody ProviderService.ProviderRequest body) {
    providers.define(id, body);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/cases/{id}/referrals")
  public ResponseEntity<ReferralService.Referred> refer(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody ReferralService.ReferralRequest body) {
    ReferralService.Referred referred = referrals.refer(id, IfMatch.version(ifMatch), body);
    return ResponseEntity.status(201)
        .eTag("\"" + referred.version() + "\"")
        .location(
            java.net.URI.create("/api/v1/cases/" + id + "/referrals/" + referred.referralId()))
        .body(referred);
  }

  @GetMapping("/api/v1/cases/{id}/referrals")
  public List<ReferralResource> ofCase(@PathVariable UUID id) {
    return referrals.ofCase(id).stream().map(ReferralResource::of).toList();
  }

  @PostMapping("/api/v1/cases/{id}/referrals/{referralId}/answer")
  public ResponseEntity<CommandSender.Updated> answer(
      @PathVariable UUID id,
      @PathVariable UUID referralId,
      @RequestBody ReferralService.AnswerRequest body) {
    return IfMatch.ok(referrals.answer(id, referralId, body));
  }

  @PostMapping("/api/v1/cases/{id}/referrals/{referralId}/completion")
  public ResponseEntity<CommandSender.Updated> complete(
      @PathVariable UUID id,
      @PathVariable UUID referralId,
      @RequestBody ReferralService.CompletionRequest body) {
    return IfMatch.ok(referrals.complete(id, referralId, body));
  }

  /** A provider's user's referrals: the case number, the service, the child's sex and age only. */
  @GetMapping("/api/v1/referrals")
  public List<ReferralResource> mine() {
    return referrals.mine().stream().map(ReferralResource::of).toList();
  }
}
