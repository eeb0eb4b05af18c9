package vn.cpms.infra.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cpms.infra.web.cases.ChildRequest;
import vn.cpms.infra.web.hotline.ContactService;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;

/**
 * The hotline operator's screens: the intake form (keyboard only, codes from the code lists, the
 * repeat-caller notice), today's contacts, and a contact's page with its escalation to a commune in
 * one step or its closure. Every action is the API's own ({@link ContactService}).
 */
@Controller
@RequestMapping("/hotline")
public class HotlineUiController {
  private final ContactService contacts;
  private final UiSubmit submit;
  private final vn.cpms.infra.web.hotline.CallerHistory history;
  private final vn.cpms.infra.web.hotline.EscalationFollowUp followUps;

  public HotlineUiController(
      ContactService contacts,
      UiSubmit submit,
      vn.cpms.infra.web.hotline.CallerHistory history,
      vn.cpms.infra.web.hotline.EscalationFollowUp followUps) {
    this.contacts = contacts;
    this.submit = submit;
    this.history = history;
    this.followUps = followUps;
  }

  @GetMapping
  String intake(Model model) {
    return intakePage(
        model,
        UiForm.empty("contact")
            .with("receivedAt", UiDates.now())
            .with("channel", "HOTLINE_111")
            .with("callerType", "ANONYMOUS"));
  }

  private String intakePage(Model model, UiForm form) {
    LocalDate today = LocalDate.now(VietnamTime.ZONE);
    model.addAttribute("form", form);
    if (!model.containsAttribute("search")) {
      model.addAttribute("search", UiForm.empty("caller-search"));
    }
    model.addAttribute("contacts", contacts.list(today, today, null, 0, 200).content());
    return "hotline";
  }

  @PostMapping("/contacts")
  String receive(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("contact", values);
    ContactService.ReceivedContact received =
        submit.run(form, () -> contacts.receive(request(form, null)).body());
    if (received == null) {
      if (form.invalid("category")) {
        form.error("topic", form.err("category"));
      }
      return intakePage(model, form);
    }
    next.addFlashAttribute("previousContacts", received.previousContacts30d());
    next.addFlashAttribute("received", true);
    return "redirect:/hotline/contacts/" + received.id();
  }

  /** Silent, prank and wrong-number calls, saved and closed in one click (issue 19). */
  static final java.util.Map<String, String> QUICK_OUTCOMES =
      java.util.Map.of("SILENT", "SILENT_CALL", "PRANK", "PRANK_CALL", "WRONG_NUMBER", "NO_ACTION");

  /**
   * One click from the intake form: the call is saved with the form's time, channel and number as a
   * "not a case" contact of that kind and closed with its outcome at once.
   */
  @PostMapping("/contacts/quick")
  String quick(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("contact", values);
    String outcome = QUICK_OUTCOMES.get(form.v("kind"));
    if (outcome == null) {
      throw new vn.cpms.kernel.InvalidInputException(
          new vn.cpms.kernel.Violation("kind", "unknown-code", List.of("quick")));
    }
    Object done =
        submit.run(
            form,
            () -> {
              UUID id = contacts.receive(request(form, form.v("kind"))).body().id();
              contacts.close(id, new ContactService.ClosureRequest(outcome));
              return Boolean.TRUE;
            });
    if (done == null) {
      return intakePage(model, form);
    }
    next.addFlashAttribute("closed", true);
    return "redirect:/hotline";
  }

  /** The intake form as the API's request; {@code nonCase} makes it a "not a case" contact. */
  private static ContactService.ContactRequest request(UiForm form, String nonCase) {
    Violations v = Violations.collect();
    var receivedAt = UiDates.dateTime(v, "receivedAt", form.text("receivedAt"));
    Integer minutes = UiDates.integer(v, "durationMinutes", form.text("durationMinutes"));
    Integer age = UiDates.integer(v, "childAgeYears", form.text("childAgeYears"));
    UiSubmit.read(v);
    String topic = nonCase != null ? "NON_CASE." + nonCase : form.text("topic");
    String category = topic == null ? null : topic.split("\\.", 2)[0];
    String subcategory = topic == null || !topic.contains(".") ? null : topic.split("\\.", 2)[1];
    return new ContactService.ContactRequest(
        null,
        receivedAt,
        form.text("channel"),
        form.text("callerType"),
        category,
        subcategory,
        form.text("areaCode"),
        minutes == null ? null : minutes * 60,
        form.text("childSex"),
        age,
        form.text("summary"),
        form.text("callerPhone"));
  }

  /**
   * Past contacts of a phone number, from the intake page's search (the number in the form's body,
   * never in an address).
   */
  @PostMapping("/search")
  String search(@RequestParam MultiValueMap<String, String> values, Model model) {
    UiForm search = UiForm.of("caller-search", values);
    var found = submit.run(search, () -> history.byPhone(search.text("phone")));
    model.addAttribute("search", search);
    model.addAttribute("found", found);
    return intake(model);
  }

  @GetMapping("/contacts/{id}")
  String contact(@PathVariable UUID id, Model model) {
    // After a form, the page waits for the position its command reached (ReadsFollowWrites).
    ContactService.ContactResource contact = contacts.get(id);
    if (!model.containsAttribute("escalation")) {
      model.addAttribute("escalation", escalation(contact));
    }
    if (!model.containsAttribute("closure")) {
      model.addAttribute("closure", UiForm.empty("closure"));
    }
    model.addAttribute("contact", contact);
    model.addAttribute("earlier", history.earlier(id));
    model.addAttribute("followUp", followUps.of(id));
    return "contact";
  }

  /** The abuse form a contact's category suggests, to start the escalation with. */
  static final java.util.Map<String, String> SUGGESTED_FORMS =
      java.util.Map.of(
          "VIOLENCE", "VIOLENCE",
          "VIOLENCE.SEXUAL", "SEXUAL_ABUSE",
          "VIOLENCE.NEGLECT", "NEGLECT",
          "EXPLOITATION", "EXPLOITATION",
          "TRAFFICKING", "TRAFFICKING");

  /**
   * The escalation starts with what the contact already holds (issue 19: the operator typed it
   * again): the commune, the child's sex and age, the summary as the description, the abuse form
   * its category suggests. A caller seldom knows the child's ethnicity: "00" (unknown).
   */
  private static UiForm escalation(ContactService.ContactResource c) {
    UiForm form =
        UiForm.empty("escalation").with("seriousDanger", "false").with("child.ethnicity", "00");
    if (c.areaCode() != null) {
      form.with("areaCode", c.areaCode());
    }
    if (c.childSex() != null) {
      form.with("child.sex", c.childSex());
    }
    if (c.childAgeYears() != null) {
      form.with("child.ageYears", String.valueOf(c.childAgeYears()));
    }
    if (c.summary() != null) {
      form.with("description", c.summary());
    }
    String form0 =
        SUGGESTED_FORMS.getOrDefault(
            c.category() + "." + c.subcategory(), SUGGESTED_FORMS.get(c.category()));
    if (form0 != null) {
      form.with("suspectedForms", form0);
    }
    return form;
  }

  @PostMapping("/contacts/{id}/escalation")
  String escalate(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      RedirectAttributes next) {
    UiForm form = UiForm.of("escalation", values);
    ContactService.EscalatedContact escalated =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var birthDate = UiDates.date(v, "child.birthDate", form.text("child.birthDate"));
              Integer age = UiDates.integer(v, "child.ageYears", form.text("child.ageYears"));
              UiSubmit.read(v);
              ChildRequest child =
                  new ChildRequest(
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
              return contacts
                  .escalate(
                      id,
                      new ContactService.EscalationRequest(
                          form.text("areaCode"),
                          child,
                          form.all("suspectedForms"),
                          form.has("seriousDanger", "true"),
                          form.text("description")))
                  .body();
            });
    if (escalated == null) {
      model.addAttribute("escalation", form);
      return contact(id, model);
    }
    next.addFlashAttribute("escalatedCase", escalated.caseId());
    return "redirect:/hotline/contacts/" + id;
  }

  @PostMapping("/contacts/{id}/closure")
  String close(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      Model model,
      RedirectAttributes next) {
    UiForm form = UiForm.of("closure", values);
    Object done =
        submit.run(
            form,
            () -> {
              contacts.close(id, new ContactService.ClosureRequest(form.text("outcome")));
              return Boolean.TRUE;
            });
    if (done == null) {
      model.addAttribute("closure", form);
      return contact(id, model);
    }
    next.addFlashAttribute("closed", true);
    return "redirect:/hotline";
  }
}
