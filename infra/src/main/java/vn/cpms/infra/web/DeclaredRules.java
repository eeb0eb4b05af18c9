package vn.cpms.infra.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.Violation;

/**
 * The rules each request type declares on its members (Bean Validation: required, bounds of
 * strings, numbers and lists; {@link OptionalMember} for what may be absent), checked at the start
 * of every command of the API — which the web pages call too, so a form gets the same rules and
 * messages as the API. Every broken rule is reported with the command's own checks, at once, as a
 * 422 naming each member. What depends on other members or on stored state (a code in its list, a
 * child's id or registration, an area in the registry) is checked by the command's own code.
 */
public final class DeclaredRules {
  /** Thread-safe and immutable once built. */
  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  private DeclaredRules() {}

  /** The broken rules of {@code body} as the API's violations, ordered by member. */
  public static List<Violation> violations(Object body) {
    return body == null ? List.of() : violations(VALIDATOR, body);
  }

  /** Throws the broken rules of {@code body}, if any, as a 422. */
  public static void require(Object body) {
    List<Violation> broken = violations(body);
    if (!broken.isEmpty()) {
      throw new InvalidInputException(broken);
    }
  }

  /** The broken rules of {@code body} as the API's violations, ordered by member. */
  static List<Violation> violations(Validator validator, Object body) {
    List<Violation> found = new ArrayList<>();
    for (ConstraintViolation<Object> v : validator.validate(body)) {
      String field = v.getPropertyPath().toString().replace(".<list element>", "");
      String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
      Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
      Violation violation =
          switch (rule) {
            case "NotNull", "NotBlank", "NotEmpty" -> Violation.of(field, "required");
            case "Size" ->
                v.getInvalidValue() instanceof Collection<?>
                    ? Violation.of(field, "too-many", attributes.get("max"))
                    : Violation.of(field, "too-long", attributes.get("max"));
            case "Min", "PositiveOrZero" ->
                Violation.of(
                    field, "out-of-range", attributes.getOrDefault("value", 0L), Long.MAX_VALUE);
            case "Positive" -> Violation.of(field, "out-of-range", 1, Long.MAX_VALUE);
            case "Max" -> Violation.of(field, "out-of-range", 0, attributes.get("value"));
            case "Code" -> Violation.of(field, "unknown-code", attributes.get("list"));
            case "Pattern" -> Violation.of(field, "unknown-code", attributes.get("regexp"));
            default -> Violation.of(field, "invalid");
          };
      if (!found.contains(violation)) {
        found.add(violation);
      }
    }
    found.sort(Comparator.comparing(Violation::field).thenComparing(Violation::code));
    return found;
  }
}
