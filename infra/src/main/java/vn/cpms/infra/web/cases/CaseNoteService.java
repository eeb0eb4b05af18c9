package vn.cpms.infra.web.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.RequestValidation;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseNoteView;
import vn.cpms.kernel.cases.FindCaseNotesQuery;
import vn.cpms.kernel.cases.NoteKind;
import vn.cpms.kernel.cases.RecordCaseNoteCommand;

/**
 * Notes of a case (issue 20): home visits, follow-up calls, working-group meetings and plan
 * reviews, each on the timeline; participants and words kept like the description (sealed).
 */
@Service
public class CaseNoteService {
  private final CommandSender commands;
  private final QueryGateway queries;
  private final CaseService cases;

  public CaseNoteService(CommandSender commands, QueryGateway queries, CaseService cases) {
    this.commands = commands;
    this.queries = queries;
    this.cases = cases;
  }

  /** {@code {kind, on, participants?, text, id?}}. */
  public record NoteRequest(
      @OptionalMember UUID id,
      @NotBlank @Size(max = 30) @Code(value = NoteKind.class, list = "note-kind") String kind,
      @NotNull LocalDate on,
      @OptionalMember @Size(max = 2_000) @FreeText String participants,
      @NotBlank @Size(max = 10_000) @FreeText String text) {}

  public CommandSender.Updated record(UUID caseId, Long expectedVersion, NoteRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    NoteKind kind =
        body.kind() == null
            ? null
            : RequestValidation.code(v, "kind", body.kind(), NoteKind.class, "note-kind");
    v.throwIfAny();
    return commands.updated(
        caseId,
        new RecordCaseNoteCommand(
            new CaseId(caseId),
            body.id() == null ? UUID.randomUUID() : body.id(),
            kind,
            body.on(),
            body.participants(),
            body.text(),
            expectedVersion));
  }

  /** The notes of a case the caller may see, newest first. */
  public List<CaseNoteView> of(UUID caseId) {
    return of(cases.get(caseId).body());
  }

  /** The notes of a case the caller has just read (and so may see): no second read. */
  public List<CaseNoteView> of(CaseResource visible) {
    return queries
        .query(
            new FindCaseNotesQuery(new CaseId(visible.id())),
            ResponseTypes.multipleInstancesOf(CaseNoteView.class))
        .join();
  }
}
