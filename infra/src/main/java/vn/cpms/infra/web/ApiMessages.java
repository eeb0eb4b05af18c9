package vn.cpms.infra.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Worker-facing texts in the caller's language ({@code Accept-Language}: vi by default, or en). */
@Component
public class ApiMessages {
  private final MessageSource messages;

  public ApiMessages(MessageSource messages) {
    this.messages = messages;
  }

  public String get(String key, List<Object> args) {
    Locale locale = LocaleContextHolder.getLocale();
    return messages.getMessage(key, args.toArray(), key, locale);
  }

  public String get(String key, Object... args) {
    return get(key, List.of(args));
  }
}
