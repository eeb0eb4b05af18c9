package vn.cpms.infra.web.cases;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.IfMatch;

/**
 * Persons suspected of abuse and their legal handling (issue 20; additions to API.md, described in
 * the README and docs/statistics.md).
 */
@RestController
public class AbuserController {
  private final AbuserService abusers;

  public AbuserController(AbuserService abusers) {
    this.abusers = abusers;
  }

  @PostMapping("/api/v1/cases/{id}/abusers")
  public AbuserService.Recorded record(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody AbuserService.AbuserRequest body) {
    return abusers.record(id, IfMatch.version(ifMatch), body);
  }

  @PostMapping("/api/v1/cases/{id}/abusers/{abuserId}/legal-outcome")
  public ResponseEntity<CommandSender.Updated> outcome(
      @PathVariable UUID id,
      @PathVariable UUID abuserId,
      @RequestBody AbuserService.OutcomeRequest body) {
    return IfMatch.ok(abusers.outcome(id, abuserId, body));
  }

  @GetMapping("/api/v1/statistics/abusers")
  public Map<String, Object> figures(
      @RequestParam(required = false) String area,
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      @RequestParam(required = false) String by) {
    return abusers.figures(area, from, to, by);
  }
}
