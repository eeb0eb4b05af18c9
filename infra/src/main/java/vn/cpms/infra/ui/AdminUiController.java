package vn.cpms.infra.ui;

import java.util.Comparator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cpms.infra.web.admin.AreaService;
import vn.cpms.infra.web.admin.UserService;
import vn.cpms.kernel.area.AreaView;

/**
 * The administrator's pages (issue 19: {@code /admin} answered raw JSON): users with their roles
 * and areas, and the area registry, through the same services as {@code /api/v1/users} and {@code
 * /api/v1/areas}, so the checks and the messages are the API's.
 */
@Controller
public class AdminUiController {
  private final UserService users;
  private final AreaService areas;
  private final UiSubmit submit;

  public AdminUiController(UserService users, AreaService areas, UiSubmit submit) {
    this.users = users;
    this.areas = areas;
    this.submit = submit;
  }

  @GetMapping("/admin")
  String home() {
    return "admin";
  }

  @GetMapping("/admin/users")
  String users(@RequestParam(required = false) String edit, Model model) {
    var all = users.list(); // one read of every user, for the list and the form
    if (!model.containsAttribute("form")) {
      UiForm form = UiForm.empty("user").with("enabled", "true");
      all.stream()
          .filter(u -> u.username().equals(edit))
          .findFirst()
          .ifPresent(
              u -> {
                form.with("username", u.username()).with("displayName", u.displayName());
                form.with("enabled", String.valueOf(u.enabled()));
                u.roles().forEach(r -> form.add("roles", r));
                u.areaCodes().forEach(a -> form.add("areaCodes", a));
              });
      model.addAttribute("form", form);
    }
    model.addAttribute("users", all);
    model.addAttribute(
        "areas",
        areas.list().stream()
            .filter(a -> a.successorCode() == null)
            .sorted(Comparator.comparing((AreaView a) -> a.code().value()))
            .toList());
    return "admin-users";
  }

  @PostMapping("/admin/users")
  String saveUser(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("user", values);
    Object saved =
        submit.run(
            form,
            () ->
                users.save(
                    form.v("username").strip(),
                    new UserService.UserRequest(
                        form.text("displayName"),
                        form.all("roles"),
                        form.all("areaCodes"),
                        form.text("password"),
                        form.has("enabled", "true"))));
    if (saved == null) {
      if (form.invalid("username")) {
        form.error("username", form.err("username"));
      }
      model.addAttribute("form", form);
      return users(null, model);
    }
    next.addFlashAttribute("done", "user");
    return "redirect:/admin/users";
  }

  @GetMapping("/admin/areas")
  String areas(Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", UiForm.empty("area").with("level", "COMMUNE"));
    }
    model.addAttribute(
        "areas",
        areas.list().stream()
            .sorted(Comparator.comparing((AreaView a) -> a.code().value()))
            .toList());
    return "admin-areas";
  }

  @PostMapping("/admin/areas")
  String defineArea(
      @RequestParam MultiValueMap<String, String> values, Model model, RedirectAttributes next) {
    UiForm form = UiForm.of("area", values);
    Object done =
        submit.run(
            form,
            () -> {
              areas.define(
                  form.v("code").strip(),
                  new AreaService.AreaRequest(
                      form.text("name"), form.text("level"), form.text("parentCode")));
              return Boolean.TRUE;
            });
    if (done == null) {
      model.addAttribute("form", form);
      return areas(model);
    }
    next.addFlashAttribute("done", "area");
    return "redirect:/admin/areas";
  }
}
