package vn.cpms.infra.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/**
 * A member that is a code of one of the API's lists ({@code GET /api/v1/codes/{list}}): exactly the
 * name of a constant of {@link #value()} ({@code "phone"} is not {@code PHONE}). Broken, it is a
 * 422 {@code unknown-code} naming the list.
 */
@Documented
@Constraint(validatedBy = Code.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Code {
  /** The enum whose constants are the codes. */
  Class<? extends Enum<?>> value();

  /** The list's name, as the API and its messages call it. */
  String list();

  String message() default "unknown-code";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Whether a text is one of the codes (absent is for the member's other rules). */
  final class Check implements ConstraintValidator<Code, String> {
    private Enum<?>[] codes;

    @Override
    public void initialize(Code code) {
      codes = code.value().getEnumConstants();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      return text == null || Arrays.stream(codes).anyMatch(c -> c.name().equals(text));
    }
  }
}
