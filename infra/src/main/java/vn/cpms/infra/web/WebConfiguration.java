package vn.cpms.infra.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Vietnamese first: {@code Accept-Language: en} switches to English, anything else is vi. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {
  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(List.of(VIETNAMESE, Locale.ENGLISH));
    resolver.setDefaultLocale(VIETNAMESE);
    return resolver;
  }
}
