package vn.cpms.infra.ui;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cpms.infra.web.referrals.ProviderService;
import vn.cpms.infra.web.referrals.ReferralService;
import vn.cpms.kernel.Violations;

/**
 * The referral pages (issue 20), through the same services as the API: a case's referral form and
 * the answers recorded on the provider's behalf (on the case page), a provider's user's own list
 * with its answers ({@code /referrals}), and the service directory ({@code /providers}).
 */
@Controller
public class ReferralUiController {
  private final ReferralService referrals;
  private final ProviderService providers;
  private final UiSubmit submit;

  public ReferralUiController(
      ReferralService referrals, ProviderService providers, UiSubmit submit) {
    this.referrals = referrals;
    this.providers = providers;
    this.submit = submit;
  }

  @PostMapping("/cases/{id}/referrals")
  String refer(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> values,
      RedirectAttributes next) {
    UiForm form = UiForm.of("referral", values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var at = UiDates.dateTime(v, "referredAt", form.text("referredAt"));
              UiSubmit.read(v);
              UUID provider = uuid(form.text("providerId"));
              return referrals.refer(
                  id,
                  null,
                  new ReferralService.ReferralRequest(
                      null,
                      provider,
                      form.text("service"),
                      form.has("consentRecorded", "true"),
                      form.text("note"),
                      at,
                      uuid(form.text("interventionId"))));
            });
    return back(id, form, done, "referral", next);
  }

  @PostMapping({"/cases/{id}/referrals/{referral}/answer", "/referrals/{id}/{referral}/answer"})
  String answer(
      @PathVariable UUID id,
      @PathVariable UUID referral,
      @RequestParam MultiValueMap<String, String> values,
      RedirectAttributes next) {
    UiForm form = UiForm.of("answer-" + referral, values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var at = UiDates.dateTime(v, "answeredAt", form.text("answeredAt"));
              UiSubmit.read(v);
              return referrals.answer(
                  id,
                  referral,
                  new ReferralService.AnswerRequest(
                      "true".equals(form.text("accepted")), form.text("reason"), at));
            });
    return providerView(values) ? toList(form, done, next) : back(id, form, done, "answer", next);
  }

  @PostMapping({
    "/cases/{id}/referrals/{referral}/completion",
    "/referrals/{id}/{referral}/completion"
  })
  String complete(
      @PathVariable UUID id,
      @PathVariable UUID referral,
      @RequestParam MultiValueMap<String, String> values,
      RedirectAttributes next) {
    UiForm form = UiForm.of("completion-" + referral, values);
    Object done =
        submit.run(
            form,
            () -> {
              Violations v = Violations.collect();
              var on = UiDates.date(v, "completedOn", form.text("completedOn"));
              UiSubmit.read(v);
              return referrals.complete(
                  id, referral, new ReferralService.CompletionRequest(on, form.text("outcome")));
            });
    return providerView(values)
        ? toList(form, done, next)
        : back(id, form, done, "referral-done", next);
  }

  /** A provider's user's referrals, newest first, each with what they can answer. */
  @GetMapping("/referrals")
  String mine(Model model) {
    model.addAttribute("referrals", referrals.mine());
    model.addAttribute("now", UiDates.now());
    model.addAttribute("today", UiDates.today());
    return "referrals";
  }

  /** The service directory; supervisors and admins add and change its entries. */
  @GetMapping("/providers")
  String directory(Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", UiForm.empty("provider").with("type", "HEALTH"));
    }
    model.addAttribute("providers", providers.list());
    return "providers";
  }

  @PostMapping("/providers")
  String define(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("provider", values);
    UUID id = form.text("id") == null ? UUID.randomUUID() : uuid(form.text("id"));
    Object done =
        submit.run(
            form,
            () -> {
              providers.define(
                  id,
                  new ProviderService.ProviderRequest(
                      form.text("name"),
                      form.text("type"),
                      form.all("areaCodes"),
                      form.text("contactPoint")));
              return Boolean.TRUE;
            });
    if (done == null) {
      model.addAttribute("form", form);
      return directory(model);
    }
    next.addFlashAttribute("done", "provider");
    return "redirect:/providers";
  }

  private static boolean providerView(MultiValueMap<String, String> values) {
    return "list".equals(values.getFirst("from"));
  }

  private String back(UUID caseId, UiForm form, Object done, String step, RedirectAttributes next) {
    if (done == null) {
      next.addFlashAttribute("failed", form);
    } else {
      next.addFlashAttribute("done", step);
    }
    return "redirect:/cases/" + caseId;
  }

  private String toList(UiForm form, Object done, RedirectAttributes next) {
    if (done == null) {
      next.addFlashAttribute("failed", form);
    } else {
      next.addFlashAttribute("answered", true);
    }
    return "redirect:/referrals";
  }

  private static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
