package vn.cpms.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Vietnamese first. The API follows {@code Accept-Language} ({@code en} switches to English,
 * anything else is vi); the web UI follows the language the user chose with its switch (a cookie),
 * Vietnamese until then, whatever the browser asks for.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {
  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  /** The cookie that keeps the web UI's language. */
  public static final String UI_LANGUAGE_COOKIE = "cpms-lang";

  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
    api.setSupportedLocales(List.of(VIETNAMESE, Locale.ENGLISH));
    api.setDefaultLocale(VIETNAMESE);
    CookieLocaleResolver ui = new CookieLocaleResolver(UI_LANGUAGE_COOKIE);
    ui.setDefaultLocaleFunction(request -> VIETNAMESE);
    ui.setCookieHttpOnly(true);
    ui.setCookieSameSite("Lax");
    ui.setCookieMaxAge(java.time.Duration.ofDays(365));
    return new ApiOrUiLocaleResolver(api, ui);
  }

  /** {@code Accept-Language} on the API's paths, the UI's cookie everywhere else. */
  static final class ApiOrUiLocaleResolver implements LocaleResolver {
    private final LocaleResolver api;
    private final LocaleResolver ui;

    ApiOrUiLocaleResolver(LocaleResolver api, LocaleResolver ui) {
      this.api = api;
      this.ui = ui;
    }

    static boolean isApi(HttpServletRequest request) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return path.startsWith("/api/")
          || path.startsWith("/actuator")
          || path.startsWith("/v3/api-docs")
          || path.startsWith("/swagger-ui")
          || path.equals("/error");
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      if (isApi(request)) {
        return api.resolveLocale(request);
      }
      Locale chosen = ui.resolveLocale(request);
      return Locale.ENGLISH.getLanguage().equals(chosen.getLanguage())
          ? Locale.ENGLISH
          : VIETNAMESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
      if (isApi(request)) {
        api.setLocale(request, response, locale);
      } else {
        ui.setLocale(request, response, locale);
      }
    }
  }
}
