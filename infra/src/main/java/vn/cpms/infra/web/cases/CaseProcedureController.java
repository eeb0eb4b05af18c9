package vn.cpms.infra.web.cases;

import static vn.cpms.infra.web.RequestValidation.required;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.IfMatch;

/** The REST endpoints of {@link CaseProcedureService}: HTTP in and out, nothing else. */
@RestController
@RequestMapping("/api/v1/cases/{id}")
public class CaseProcedureController {
  private final CaseProcedureService service;

  public CaseProcedureController(CaseProcedureService service) {
    this.service = service;
  }

  @PostMapping("/assignment")
  public ResponseEntity<CommandSender.Updated> assign(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody CaseStepRequests.Assignment body) {
    return IfMatch.ok(service.assign(id, IfMatch.version(ifMatch), body));
  }

  @PostMapping("/initial-assessment")
  public ResponseEntity<CommandSender.Updated> initialAssessment(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody CaseStepRequests.InitialAssessment body) {
    return IfMatch.ok(service.initialAssessment(id, IfMatch.version(ifMatch), body));
  }

  @PostMapping("/assessment")
  public ResponseEntity<CommandSender.Updated> assessment(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody CaseStepRequests.Assessment body) {
    return IfMatch.ok(service.assessment(id, IfMatch.version(ifMatch), body));
  }

  @PostMapping("/plan")
  public ResponseEntity<CommandSender.Updated> plan(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody CaseStepRequests.Plan body) {
    return IfMatch.ok(service.plan(id, IfMatch.version(ifMatch), body));
  }

  @PostMapping("/plan/approval")
  public ResponseEntity<CommandSender.Updated> approve(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody CaseStepRequests.Approval body) {
    return IfMatch.ok(service.approve(id, IfMatch.version(ifMatch), body));
  }

  @PostMapping("/plan/return")
  public ResponseEntity<CommandSender.Updated> returnPlan(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody CaseStepRequests.PlanReturn body) {
    return IfMatch.ok(service.returnPlan(id, IfMatch.version(ifMatch), body));
  }

  @PostMapping("/interventions/{interventionId}/completion")
  public ResponseEntity<CommandSender.Updated> completeIntervention(
      @PathVariable UUID id,
      @PathVariable UUID interventionId,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody CaseStepRequests.Completion body) {
    return IfMatch.ok(
        service.completeIntervention(id, interventionId, IfMatch.version(ifMatch), body));
  }

  @PostMapping("/transfer")
  public ResponseEntity<CommandSender.Updated> transfer(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody CaseStepRequests.Transfer body) {
    return IfMatch.ok(service.transfer(id, IfMatch.version(ifMatch), body));
  }

  @PostMapping("/closure")
  public ResponseEntity<CommandSender.Updated> close(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody CaseStepRequests.Closure body) {
    return IfMatch.ok(service.close(id, IfMatch.version(ifMatch), body));
  }

  @PostMapping("/reopening")
  public ResponseEntity<CommandSender.Updated> reopen(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody CaseStepRequests.Reopening body) {
    return IfMatch.ok(service.reopen(id, IfMatch.version(ifMatch), body));
  }

  /** Every event of the case, oldest first: what (in the caller's language), when, who. */
  @GetMapping("/timeline")
  public CaseProcedureService.TimelineResource timeline(@PathVariable UUID id) {
    return service.timeline(id);
  }
}
