package vn.cpms.infra.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import vn.cpms.infra.web.WebConfiguration;

/** Sign-in, each role's home page, the language switch. */
@Controller
public class HomeUiController {
  private final LocaleResolver locales;

  public HomeUiController(LocaleResolver locales) {
    this.locales = locales;
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  /** Each role starts where its work is. */
  @GetMapping("/")
  String home(Authentication auth) {
    if (has(auth, "ROLE_ADMIN") || has(auth, "ROLE_CASE_WORKER")) {
      return "redirect:/cases";
    }
    if (has(auth, "ROLE_SUPERVISOR")) {
      return "redirect:/supervision";
    }
    if (has(auth, "ROLE_HOTLINE_OPERATOR")) {
      return "redirect:/hotline";
    }
    if (has(auth, "ROLE_STATISTICIAN")) {
      return "redirect:/statistics";
    }
    if (has(auth, "ROLE_PROVIDER")) {
      return "redirect:/referrals";
    }
    return "redirect:/denied";
  }

  @org.springframework.web.bind.annotation.RequestMapping("/denied")
  String denied(HttpServletResponse response, org.springframework.ui.Model model) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("kind", "forbidden");
    return "problem";
  }

  /** Vietnamese or English for the web UI, kept in a cookie; back to the page it was chosen on. */
  @PostMapping("/language")
  String language(
      @RequestParam String lang,
      @RequestParam(required = false) String back,
      HttpServletRequest request,
      HttpServletResponse response) {
    Locale locale = "en".equals(lang) ? Locale.ENGLISH : WebConfiguration.VIETNAMESE;
    locales.setLocale(request, response, locale);
    boolean local =
        back != null && back.matches("/[A-Za-z0-9/_.?=&%+,-]*") && !back.startsWith("//");
    return "redirect:" + (local ? back : "/");
  }

  private static boolean has(Authentication auth, String authority) {
    return auth != null
        && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
  }
}
