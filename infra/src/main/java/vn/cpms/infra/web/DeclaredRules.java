package vn.cpms.infra.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.Violation;

/**
 * The rules each request type declares on its members (Bean Validation: required, bounds of
 * strings, numbers and lists; {@link OptionalMember} for what may be absent), applied to every
 * request body the API reads, before the controller sees it: every broken rule at once, as a 422
 * naming the member, in the caller's language. What depends on other members or on stored state (a
 * code in its list, a child's id or registration, an area in the registry) is checked where the
 * request becomes a command.
 */
@ControllerAdvice
public class DeclaredRules extends RequestBodyAdviceAdapter {
  private final Validator validator;

  public DeclaredRules(Validator validator) {
    this.validator = validator;
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return parameter.getParameterType().isRecord();
  }

  @Override
  public Object afterBodyRead(
      Object body,
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    List<Violation> broken = violations(validator, body);
    if (!broken.isEmpty()) {
      throw new InvalidInputException(broken);
    }
    return body;
  }

  /** The broken rules of {@code body} as the API's violations, ordered by member. */
  public static List<Violation> violations(Validator validator, Object body) {
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
