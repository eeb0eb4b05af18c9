package vn.cpms.infra.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What a form of the web UI shows: the values the user typed (kept when the API refuses them) and,
 * next to each field, the API's message for it; {@code problem} is a message for the whole form (a
 * step the case is not ready for, a version conflict).
 */
public final class UiForm {
  private final String name;
  private final MultiValueMap<String, String> values;
  private final Map<String, String> errors = new LinkedHashMap<>();
  private String problem;

  private UiForm(String name, MultiValueMap<String, String> values) {
    this.name = name;
    this.values = values;
  }

  public static UiForm of(String name, MultiValueMap<String, String> values) {
    return new UiForm(name, values == null ? new LinkedMultiValueMap<>() : values);
  }

  public static UiForm empty(String name) {
    return of(name, null);
  }

  public UiForm with(String field, String value) {
    values.set(field, value);
    return this;
  }

  /** Adds one more value to {@code field} (a checked box, a selected option of a list). */
  public UiForm add(String field, String value) {
    values.add(field, value);
    return this;
  }

  public String getName() {
    return name;
  }

  /** The value typed in {@code field}, or "". */
  public String v(String field) {
    String value = values.getFirst(field);
    return value == null ? "" : value;
  }

  /** The trimmed value, or {@code null} when blank: what the API receives. */
  public String text(String field) {
    String value = values.getFirst(field);
    return value == null || value.isBlank() ? null : value.strip();
  }

  public List<String> all(String field) {
    List<String> list = values.get(field);
    return list == null ? List.of() : list.stream().filter(s -> !s.isBlank()).toList();
  }

  /**
   * Whether {@code value} is one of the values of {@code field} (checked boxes, selected option).
   */
  public boolean has(String field, String value) {
    List<String> list = values.get(field);
    return list != null && list.contains(value);
  }

  public String err(String field) {
    return errors.get(field);
  }

  public boolean invalid(String field) {
    return errors.containsKey(field);
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public boolean isFailed() {
    return problem != null || !errors.isEmpty();
  }

  public String getProblem() {
    return problem;
  }

  void error(String field, String message) {
    errors.putIfAbsent(field, message);
  }

  void problem(String message) {
    this.problem = message;
  }
}
