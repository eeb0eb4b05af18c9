package vn.cpms.infra.web.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.IfMatch;
import vn.cpms.kernel.cases.CaseNoteView;

/** Notes of a case (issue 20; additions to API.md): {@code /api/v1/cases/{id}/notes}. */
@RestController
public class CaseNoteController {
  private final CaseNoteService notes;

  public CaseNoteController(CaseNoteService notes) {
    this.notes = notes;
  }

  @PostMapping("/api/v1/cases/{id}/notes")
  public ResponseEntity<CommandSender.Updated> record(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody CaseNoteService.NoteRequest body) {
    return IfMatch.ok(notes.record(id, IfMatch.version(ifMatch), body));
  }

  @GetMapping("/api/v1/cases/{id}/notes")
  public List<CaseNoteView> list(@PathVariable UUID id) {
    return notes.of(id);
  }
}
