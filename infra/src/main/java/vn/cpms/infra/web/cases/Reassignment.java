package vn.cpms.infra.web.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.cpms.infra.web.ApiMessages;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.Violations;

/**
 * Every open case of a worker who leaves, given to another in one step (issue 20): each case of the
 * supervisor's areas assigned to {@code fromUsername} and not closed gets a {@code
 * CaseAssignedEvent} for {@code toUsername}, through the same step as a single assignment. Each
 * case is its own transaction: the answer lists those that could not be moved and why.
 */
@Service
public class Reassignment {
  static final int PAGE = 200;

  private final CaseService cases;
  private final CaseProcedureService procedure;
  private final ApiMessages messages;

  public Reassignment(CaseService cases, CaseProcedureService procedure, ApiMessages messages) {
    this.cases = cases;
    this.procedure = procedure;
    this.messages = messages;
  }

  /** {@code {fromUsername, toUsername}}. */
  public record Request(
      @NotBlank @Size(max = 100) @FreeText String fromUsername,
      @NotBlank @Size(max = 100) @FreeText String toUsername) {}

  /** How many cases moved, and each that did not with the reason. */
  public record Result(int reassigned, List<Refused> refused) {}

  /** A case left with its worker, and why. */
  public record Refused(UUID caseId, String caseNumber, String message) {}

  public Result reassign(Request body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    if (body.fromUsername() != null && body.fromUsername().equals(body.toUsername())) {
      v.add("toUsername", "same-worker");
    }
    v.throwIfAny();
    List<CaseResource> open = new ArrayList<>();
    for (int page = 0; ; page++) {
      var found = cases.list(null, null, body.fromUsername().strip(), null, page, PAGE);
      found.content().stream().filter(c -> !"CLOSED".equals(c.status())).forEach(open::add);
      if (page + 1 >= found.page().totalPages()) {
        break;
      }
    }
    int moved = 0;
    List<Refused> refused = new ArrayList<>();
    for (CaseResource c : open) {
      try {
        procedure.assign(c.id(), null, new CaseStepRequests.Assignment(body.toUsername().strip()));
        moved++;
      } catch (InvalidInputException e) {
        if (moved == 0 && refused.isEmpty()) {
          throw e; // the new worker is unknown: nothing can move
        }
        refused.add(refusal(c, messages.get("error." + e.violations().get(0).code())));
      } catch (RuleViolationException e) {
        refused.add(refusal(c, messages.get("rule." + e.code(), e.args())));
      } catch (NotFoundException e) {
        refused.add(refusal(c, messages.get("problem.not-found.detail")));
      }
    }
    return new Result(moved, refused);
  }

  private static Refused refusal(CaseResource c, String message) {
    return new Refused(c.id(), c.caseNumber(), message);
  }
}
