package vn.cpms.infra.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.cpms.kernel.contacts.ContactCategories;

/**
 * The code lists of the API with their labels: {@code [{code, label, labels: {vi, en}}]}, {@code
 * label} in the caller's language. The codes are the contract; {@code codes.properties} holds each
 * list in order and the message bundles hold the labels.
 */
@org.springframework.stereotype.Service
public class CodeService {
  private final Map<String, List<String>> lists;
  private final MessageSource messages;

  public CodeService(MessageSource messages) {
    this.messages = messages;
    this.lists = load();
  }

  /** One code with its labels (and, for two-level lists, its subcategories). */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record CodeResource(
      String code, String label, Map<String, String> labels, List<CodeResource> subcategories) {}

  public List<CodeResource> list(String list) {
    if (list.equals("contact-category")) {
      return ContactCategories.all().entrySet().stream()
          .map(
              category ->
                  labelled(
                      list,
                      category.getKey(),
                      category.getValue().stream()
                          .map(sub -> labelled(list, category.getKey() + "." + sub, null))
                          .map(
                              r ->
                                  new CodeResource(
                                      r.code().substring(r.code().indexOf('.') + 1),
                                      r.label(),
                                      r.labels(),
                                      null))
                          .toList()))
          .toList();
    }
    List<String> codes = lists.get(list);
    if (codes == null) {
      throw new NotFoundException("code list");
    }
    return codes.stream().map(code -> labelled(list, code, null)).toList();
  }

  private CodeResource labelled(String list, String code, List<CodeResource> subcategories) {
    String key = "code." + list + "." + code;
    return new CodeResource(
        code,
        messages.getMessage(key, null, code, LocaleContextHolder.getLocale()),
        Map.of(
            "vi", messages.getMessage(key, null, code, WebConfiguration.VIETNAMESE),
            "en", messages.getMessage(key, null, code, Locale.ENGLISH)),
        subcategories);
  }

  /** Every list and its codes in order, as {@code codes.properties} has them. */
  public static Map<String, List<String>> load() {
    Properties properties = new Properties();
    try (Reader in =
        new InputStreamReader(
            CodeService.class.getResourceAsStream("/codes.properties"), StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.stringPropertyNames().stream()
        .collect(
            java.util.stream.Collectors.toUnmodifiableMap(
                name -> name, name -> Arrays.asList(properties.getProperty(name).split(","))));
  }
}
