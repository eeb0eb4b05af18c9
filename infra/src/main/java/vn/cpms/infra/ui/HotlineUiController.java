package vn.cpms.infra.ui;

import java.time.LocalDate;
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

  public HotlineUiController(ContactService contacts, UiSubmit submit) {
    this.contacts = contacts;
    this.submit = submit;
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
    model.addAttribute("contacts", contacts.list(today, today, null, 0, 200).content());
    return "hotline";
  }

  @PostMapping("/contacts")
  String receive(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("contact", values);
    ContactService.ReceivedContact received =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var receivedAt = UiDates.dateTime(v, "receivedAt", form.text("receivedAt"));
              Integer minutes = UiDates.integer(v, "durationMinutes", form.text("durationMinutes"));
              Integer age = UiDates.integer(v, "childAgeYears", form.text("childAgeYears"));
              UiSubmit.read(v);
              String topic = form.text("topic");
              String category = topic == null ? null : topic.split("\\.", 2)[0];
              String subcategory =
                  topic == null || !topic.contains(".") ? null : topic.split("\\.", 2)[1];
              return contacts
                  .receive(
                      new ContactService.ContactRequest(
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
                          form.text("callerPhone")))
                  .body();
            });
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

  @GetMapping("/contacts/{id}")
  String contact(@PathVariable UUID id, Model model) {
    if (!model.containsAttribute("escalation")) {
      // A caller seldom knows the child's ethnicity: "00" (unknown) until the operator learns it.
      model.addAttribute(
          "escalation",
          UiForm.empty("escalation").with("seriousDanger", "false").with("child.ethnicity", "00"));
    }
    if (!model.containsAttribute("closure")) {
      model.addAttribute("closure", UiForm.empty("closure"));
    }
    // After a form, the page waits for the position its command reached (ReadsFollowWrites).
    model.addAttribute("contact", contacts.get(id));
    return "contact";
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
