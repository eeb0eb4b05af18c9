package vn.cpms.infra.ui;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cpms.infra.web.cases.CaseNoteService;
import vn.cpms.kernel.Violations;

/**
 * The case page's note form (issue 20): a home visit, a follow-up call, a working-group meeting or
 * a plan review, through the API's own {@link CaseNoteService}; a refused note comes back to the
 * case page with its messages.
 */
@Controller
public class CaseNotesUiController {
  private final CaseNoteService notes;
  private final UiSubmit submit;

  public CaseNotesUiController(CaseNoteService notes, UiSubmit submit) {
    this.notes = notes;
    this.submit = submit;
  }

  @PostMapping("/cases/{id}/notes")
  String record(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      RedirectAttributes next) {
    UiForm form = UiForm.of("note", values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var on = UiDates.date(v, "on", form.text("on"));
              UiSubmit.read(v);
              return notes.record(
                  id,
                  null,
                  new CaseNoteService.NoteRequest(
                      null, form.text("kind"), on, form.text("participants"), form.text("text")));
            });
    if (done == null) {
      next.addFlashAttribute("failed", form);
    } else {
      next.addFlashAttribute("done", "note");
    }
    return "redirect:/cases/" + id;
  }
}
