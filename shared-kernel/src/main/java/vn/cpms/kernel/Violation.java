package vn.cpms.kernel;

import java.util.List;
import java.util.Objects;

/**
 * One reason why a command or a request is invalid: the offending field (a JSON path such as {@code
 * child.birthDate}), a stable machine code (a key of the message bundles, e.g. {@code required},
 * {@code unknown-code}, {@code future-date}) and the arguments of its message.
 */
public record Violation(String field, String code, List<Object> args) {
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(code, "code");
    args = args == null ? List.of() : List.copyOf(args);
  }

  public static Violation of(String field, String code, Object... args) {
    return new Violation(field, code, List.of(args));
  }
}
