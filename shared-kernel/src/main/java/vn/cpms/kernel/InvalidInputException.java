package vn.cpms.kernel;

import java.util.List;

/**
 * Input that is well-formed but invalid (HTTP 422): each {@link Violation} names a field and a
 * message code. Thrown before anything is written.
 */
public class InvalidInputException extends RuntimeException {
  private final List<Violation> violations;

  public InvalidInputException(List<Violation> violations) {
    super("invalid input: " + violations.stream().map(v -> v.field() + "=" + v.code()).toList());
    this.violations = List.copyOf(violations);
  }

  public InvalidInputException(Violation violation) {
    this(List.of(violation));
  }

  public List<Violation> violations() {
    return violations;
  }
}
