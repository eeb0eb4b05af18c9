package vn.cpms.infra.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import vn.cpms.kernel.Violations;

/** Checks of request fields that need no domain state: presence, code lists, lengths. */
public final class RequestValidation {
  private RequestValidation() {}

  public static boolean required(Violations v, String field, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      v.add(field, "required");
      return false;
    }
    return true;
  }

  public static void maxLength(Violations v, String field, String value, int max) {
    if (value != null && value.length() > max) {
      v.add(field, "too-long", max);
    }
  }

  /** The enum constant named {@code code}, or {@code null} with an {@code unknown-code} error. */
  public static <E extends Enum<E>> E code(
      Violations v, String field, String code, Class<E> type, String list) {
    if (!required(v, field, code)) {
      return null;
    }
    try {
      return Enum.valueOf(type, code); // codes are exact: "female" is not a code (issue 15)
    } catch (IllegalArgumentException e) {
      v.add(field, "unknown-code", list);
      return null;
    }
  }

  public static <E extends Enum<E>> List<E> codes(
      Violations v, String field, Collection<String> codes, Class<E> type, String list) {
    List<E> result = new ArrayList<>();
    if (codes == null) {
      return result;
    }
    int i = 0;
    for (String code : codes) {
      E value = code(v, field + "[" + i + "]", code, type, list);
      if (value != null) {
        result.add(value);
      }
      i++;
    }
    return result;
  }

  /** {@code parse(value)} when {@code valid(value)}, else {@code null} with {@code errorCode}. */
  public static <T> T parsed(
      Violations v,
      String field,
      String value,
      Function<String, Boolean> valid,
      Function<String, T> parse,
      String errorCode) {
    if (!required(v, field, value)) {
      return null;
    }
    if (!valid.apply(value)) {
      v.add(field, errorCode);
      return null;
    }
    return parse.apply(value);
  }
}
