package vn.cpms.infra.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cpms.infra.web.cases.CaseProcedureService;
import vn.cpms.infra.web.cases.CaseResource;
import vn.cpms.infra.web.cases.CaseService;
import vn.cpms.infra.web.cases.CaseStepRequests;
import vn.cpms.infra.web.cases.ChildRequest;
import vn.cpms.infra.web.cases.ReportCaseRequest;
import vn.cpms.kernel.Violations;

/**
 * The protection worker's screens: the worklist (most urgent first, with the legal clocks as
 * badges), reporting a case with the duplicate-child search, and the case page with every step of
 * the procedure as a small form and the timeline. Each form calls the API's own controller method,
 * so the checks, the area rules and the messages are the API's.
 */
@Controller
@RequestMapping("/cases")
public class CaseUiController {
  static final int PLAN_ROWS = 3;
  static final int WORKLIST_PAGE = 50;

  private final CaseService cases;
  private final CaseProcedureService procedure;
  private final UiSubmit submit;
  private final vn.cpms.infra.web.children.ChildService children;
  private final UiAssignees assignees;
  private final vn.cpms.infra.web.referrals.ReferralService referrals;
  private final vn.cpms.infra.web.referrals.ProviderService providers;
  private final vn.cpms.infra.web.cases.CaseNoteService notes;

  public CaseUiController(
      CaseService cases,
      CaseProcedureService procedure,
      UiSubmit submit,
      vn.cpms.infra.web.children.ChildService children,
      UiAssignees assignees,
      vn.cpms.infra.web.referrals.ReferralService referrals,
      vn.cpms.infra.web.referrals.ProviderService providers,
      vn.cpms.infra.web.cases.CaseNoteService notes) {
    this.notes = notes;
    this.referrals = referrals;
    this.providers = providers;
    this.children = children;
    this.assignees = assignees;
    this.cases = cases;
    this.procedure = procedure;
    this.submit = submit;
  }

  @GetMapping
  String worklist(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String number,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    String filter = status == null || status.isBlank() ? null : status;
    if (filter != null
        && java.util.Arrays.stream(vn.cpms.kernel.cases.CaseStatus.values())
            .noneMatch(s -> s.name().equals(status))) {
      filter = null; // an unknown status in the address shows every case, not an error page
    }
    String caseNumber = vn.cpms.kernel.cases.CaseId.isNumber(number) ? number.strip() : null;
    // every case is reachable, a page of 50 at a time (issue 19: the list stopped at 100)
    int wanted = Math.max(0, page);
    var found = cases.list(null, filter, null, overdue, caseNumber, null, wanted, WORKLIST_PAGE);
    if (wanted > 0 && wanted >= found.page().totalPages()) {
      wanted = (int) Math.max(0, found.page().totalPages() - 1);
      found = cases.list(null, filter, null, overdue, caseNumber, null, wanted, WORKLIST_PAGE);
    }
    model.addAttribute("status", filter);
    model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
    model.addAttribute("number", caseNumber);
    return worklistPage(model, found, caseNumber != null);
  }

  /**
   * The worklist's search: a case number goes to the worklist's address (it names no one); a
   * child's name is searched from the form's body and the matching cases shown at once, so that no
   * name ever appears in an address, a history or a log.
   */
  @PostMapping("/search")
  String search(@RequestParam(defaultValue = "") String q, Model model) {
    String text = q.strip();
    if (text.isEmpty()) {
      return "redirect:/cases";
    }
    if (vn.cpms.kernel.cases.CaseId.isNumber(text)) {
      return "redirect:/cases?number=" + text.toUpperCase(java.util.Locale.ROOT);
    }
    model.addAttribute("overdue", false);
    model.addAttribute("query", text);
    return worklistPage(
        model, cases.list(null, null, null, null, null, text, 0, WORKLIST_PAGE), true);
  }

  private String worklistPage(
      Model model, vn.cpms.infra.web.PageResource<CaseResource> found, boolean searched) {
    model.addAttribute("cases", found);
    model.addAttribute("childNames", cases.childNames(found.content()));
    model.addAttribute("searched", searched);
    model.addAttribute("today", LocalDate.now(vn.cpms.kernel.VietnamTime.ZONE));
    return "worklist";
  }

  @GetMapping("/new")
  String newCase(Model model) {
    return reportPage(
        model,
        UiForm.empty("report")
            .with("reportedAt", UiDates.now())
            .with("channel", "PHONE")
            .with("seriousDanger", "false"));
  }

  private String reportPage(Model model, UiForm form) {
    model.addAttribute("form", form);
    pickedChild(form)
        .ifPresent(
            picked -> {
              // shown again with the form: the worker's choice of an existing child stays, so
              // a wrong field elsewhere never leads to registering the same child twice (issue 19)
              model.addAttribute("found", List.of(picked));
              model.addAttribute("query", "");
              model.addAttribute("pickedId", picked.childId().value().toString());
            });
    return "case-new";
  }

  /** The existing child the form names, as the duplicate search showed it, if still visible. */
  private java.util.Optional<vn.cpms.kernel.children.ChildSummary> pickedChild(UiForm form) {
    String id = form.text("child.id");
    if (id == null) {
      return java.util.Optional.empty();
    }
    try {
      var child = children.get(UUID.fromString(id)).body();
      return java.util.Optional.of(
          new vn.cpms.kernel.children.ChildSummary(
              child.childId(), child.fullName(), child.birthDate(), child.sex(), child.areaCode()));
    } catch (IllegalArgumentException | vn.cpms.infra.web.NotFoundException e) {
      return java.util.Optional.empty();
    }
  }

  @PostMapping
  String report(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("report", values);
    CaseService.ReportedCase reported =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var reportedAt = UiDates.dateTime(v, "reportedAt", form.text("reportedAt"));
              var birthDate = UiDates.date(v, "child.birthDate", form.text("child.birthDate"));
              Integer age = UiDates.integer(v, "child.ageYears", form.text("child.ageYears"));
              UiSubmit.read(v);
              String existing = form.text("child.id");
              ChildRequest child =
                  existing != null
                      ? new ChildRequest(
                          UUID.fromString(existing),
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null)
                      : new ChildRequest(
                          null,
                          form.text("child.fullName"),
                          birthDate,
                          age,
                          form.text("child.sex"),
                          form.text("child.ethnicity"),
                          form.has("child.disability", "true"),
                          null,
                          form.text("child.address"),
                          null);
              return cases
                  .report(
                      new ReportCaseRequest(
                          null,
                          reportedAt,
                          form.text("channel"),
                          form.text("areaCode"),
                          child,
                          form.all("suspectedForms"),
                          form.has("seriousDanger", "true"),
                          form.text("description"),
                          null))
                  .body();
            });
    if (reported == null) {
      return reportPage(model, form);
    }
    next.addFlashAttribute("done", "reported");
    return "redirect:/cases/" + reported.id();
  }

  @GetMapping("/{id}")
  String casePage(@PathVariable UUID id, Model model, Authentication auth) {
    // After a form, the page waits for the position its command reached (ReadsFollowWrites).
    CaseResource found = cases.get(id).body();
    model.addAttribute("c", found);
    model.addAttribute("childNames", cases.childNames(List.of(found)));
    // the case just read shows the caller may see it: its referrals and notes need no new read
    model.addAttribute("referrals", referrals.ofCase(found));
    model.addAttribute("notes", notes.of(found));
    model.addAttribute("providers", providers.list());
    model.addAttribute("now", UiDates.now());
    model.addAttribute("timeline", procedure.timeline(id).entries());
    Map<String, UiForm> forms = new LinkedHashMap<>();
    String now = UiDates.now();
    String today = UiDates.today();
    var people = assignees.of(vn.cpms.kernel.area.AreaCode.of(found.areaCode()));
    model.addAttribute("assignees", people);
    // the picker starts on the signed-in user if the case can be theirs, else on nobody
    UiForm assignment = UiForm.empty("assignment");
    if (people.stream().anyMatch(p -> p.username().equals(auth.getName()))) {
      assignment = assignment.with("workerUsername", auth.getName());
    }
    forms.put("assignment", assignment);
    forms.put("initial-assessment", UiForm.empty("initial-assessment").with("assessedAt", now));
    forms.put(
        "assessment",
        UiForm.empty("assessment").with("assessedAt", now).with("abuseConfirmed", "true"));
    forms.put("plan", UiForm.empty("plan").with("submittedAt", now));
    forms.put("approval", UiForm.empty("approval").with("approvedAt", now));
    forms.put("plan-return", UiForm.empty("plan-return").with("returnedAt", now));
    forms.put("referral", UiForm.empty("referral").with("referredAt", now));
    forms.put("note", UiForm.empty("note").with("on", today).with("kind", "HOME_VISIT"));
    forms.put("completion", UiForm.empty("completion").with("completedOn", today));
    forms.put("transfer", UiForm.empty("transfer"));
    forms.put("closure", UiForm.empty("closure").with("closedOn", today));
    forms.put("reopening", UiForm.empty("reopening").with("reopenedOn", today));
    if (model.getAttribute("failed") instanceof UiForm failed) {
      forms.put(failed.getName(), failed);
    }
    model.addAttribute("forms", forms);
    model.addAttribute("planRows", java.util.stream.IntStream.range(0, PLAN_ROWS).boxed().toList());
    return "case";
  }

  /** Runs one step; back to the case page, with the API's messages on the form if refused. */
  private String step(
      UUID id,
      UiForm form,
      Function<UiForm, Object> action,
      Model model,
      Authentication auth,
      RedirectAttributes next) {
    Object done = submit.run(form, () -> action.apply(form));
    if (done == null) {
      model.addAttribute("failed", form);
      return casePage(id, model, auth);
    }
    next.addFlashAttribute("done", form.getName());
    return "redirect:/cases/" + id;
  }

  /** The version the page showed: the step fails with 409 if the record has moved on. */
  private static Long ifMatch(UiForm form) {
    String version = form.text("version");
    return version == null ? null : vn.cpms.infra.web.IfMatch.version("\"" + version + "\"");
  }

  @PostMapping("/{id}/assignment")
  String assign(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      Authentication auth,
      RedirectAttributes next) {
    return step(
        id,
        UiForm.of("assignment", values),
        f ->
            procedure.assign(
                id, ifMatch(f), new CaseStepRequests.Assignment(f.text("workerUsername"))),
        model,
        auth,
        next);
  }

  @PostMapping("/{id}/initial-assessment")
  String initialAssessment(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      Authentication auth,
      RedirectAttributes next) {
    return step(
        id,
        UiForm.of("initial-assessment", values),
        f -> {
          Violations v = Violations.collect();
          var at = UiDates.dateTime(v, "assessedAt", f.text("assessedAt"));
          UiSubmit.read(v);
          return procedure.initialAssessment(
              id,
              ifMatch(f),
              new CaseStepRequests.InitialAssessment(
                  at, f.text("riskLevel"), f.text("emergencyMeasures")));
        },
        model,
        auth,
        next);
  }

  @PostMapping("/{id}/assessment")
  String assessment(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      Authentication auth,
      RedirectAttributes next) {
    return step(
        id,
        UiForm.of("assessment", values),
        f -> {
          Violations v = Violations.collect();
          var at = UiDates.dateTime(v, "assessedAt", f.text("assessedAt"));
          UiSubmit.read(v);
          String confirmed = f.text("abuseConfirmed");
          return procedure.assessment(
              id,
              ifMatch(f),
              new CaseStepRequests.Assessment(
                  at,
                  confirmed == null ? null : Boolean.valueOf(confirmed),
                  f.all("confirmedForms"),
                  f.text("needs")));
        },
        model,
        auth,
        next);
  }

  @PostMapping("/{id}/plan")
  String plan(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      Authentication auth,
      RedirectAttributes next) {
    return step(
        id,
        UiForm.of("plan", values),
        f -> {
          Violations v = Violations.collect();
          var at = UiDates.dateTime(v, "submittedAt", f.text("submittedAt"));
          List<CaseStepRequests.PlannedIntervention> rows = new ArrayList<>();
          for (int i = 0; i < PLAN_ROWS; i++) {
            String p = "interventions[" + i + "].";
            String type = f.text(p + "type");
            String provider = f.text(p + "provider");
            String due = f.text(p + "dueOn");
            if (type == null && provider == null && due == null) {
              continue;
            }
            rows.add(
                new CaseStepRequests.PlannedIntervention(
                    null, type, provider, UiDates.date(v, p + "dueOn", due)));
          }
          UiSubmit.read(v);
          return procedure.plan(
              id, ifMatch(f), new CaseStepRequests.Plan(at, f.text("goals"), rows));
        },
        model,
        auth,
        next);
  }

  /** The supervisor sends the plan back with what to change (issue 19). */
  @PostMapping("/{id}/plan/return")
  String returnPlan(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      Authentication auth,
      RedirectAttributes next) {
    return step(
        id,
        UiForm.of("plan-return", values),
        f -> {
          Violations v = Violations.collect();
          var at = UiDates.dateTime(v, "returnedAt", f.text("returnedAt"));
          UiSubmit.read(v);
          return procedure.returnPlan(
              id, ifMatch(f), new CaseStepRequests.PlanReturn(at, f.text("comment")));
        },
        model,
        auth,
        next);
  }

  @PostMapping("/{id}/plan/approval")
  String approve(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      Authentication auth,
      RedirectAttributes next) {
    return step(
        id,
        UiForm.of("approval", values),
        f -> {
          Violations v = Violations.collect();
          var at = UiDates.dateTime(v, "approvedAt", f.text("approvedAt"));
          UiSubmit.read(v);
          return procedure.approve(id, ifMatch(f), new CaseStepRequests.Approval(at));
        },
        model,
        auth,
        next);
  }

  @PostMapping("/{id}/interventions/{interventionId}/completion")
  String complete(
      @PathVariable UUID id,
      @PathVariable UUID interventionId,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      Authentication auth,
      RedirectAttributes next) {
    UiForm form = UiForm.of("completion", values).with("interventionId", interventionId.toString());
    return step(
        id,
        form,
        f -> {
          Violations v = Violations.collect();
          var on = UiDates.date(v, "completedOn", f.text("completedOn"));
          UiSubmit.read(v);
          return procedure.completeIntervention(
              id,
              interventionId,
              ifMatch(f),
              new CaseStepRequests.Completion(on, f.text("outcome")));
        },
        model,
        auth,
        next);
  }

  @PostMapping("/{id}/transfer")
  String transfer(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      Authentication auth,
      RedirectAttributes next) {
    return step(
        id,
        UiForm.of("transfer", values),
        f ->
            procedure.transfer(
                id,
                ifMatch(f),
                new CaseStepRequests.Transfer(
                    f.text("toAreaCode"), f.has("consentRecorded", "true"), f.text("reason"))),
        model,
        auth,
        next);
  }

  @PostMapping("/{id}/closure")
  String close(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      Authentication auth,
      RedirectAttributes next) {
    return step(
        id,
        UiForm.of("closure", values),
        f -> {
          Violations v = Violations.collect();
          var on = UiDates.date(v, "closedOn", f.text("closedOn"));
          UiSubmit.read(v);
          return procedure.close(
              id, ifMatch(f), new CaseStepRequests.Closure(on, f.text("reason")));
        },
        model,
        auth,
        next);
  }

  @PostMapping("/{id}/reopening")
  String reopen(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      Authentication auth,
      RedirectAttributes next) {
    return step(
        id,
        UiForm.of("reopening", values),
        f -> {
          Violations v = Violations.collect();
          var on = UiDates.date(v, "reopenedOn", f.text("reopenedOn"));
          UiSubmit.read(v);
          return procedure.reopen(
              id, ifMatch(f), new CaseStepRequests.Reopening(on, f.text("reason")));
        },
        model,
        auth,
        next);
  }
}
