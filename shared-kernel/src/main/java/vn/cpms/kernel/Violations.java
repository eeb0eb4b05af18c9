package vn.cpms.kernel;

import java.util.ArrayList;
import java.util.List;

/** Collects {@link Violation}s and throws them together, so a user sees every problem at once. */
public final class Violations {
  private final String prefix;
  private final List<Violation> found = new ArrayList<>();

  private Violations(String prefix) {
    this.prefix = prefix;
  }

  public static Violations collect() {
    return new Violations("");
  }

  /** Field names are reported below {@code prefix}, e.g. {@code child.birthDate}. */
  public static Violations under(String prefix) {
    return new Violations(prefix.isEmpty() ? "" : prefix + ".");
  }

  /** Adds a violation; the same one twice (same field, code and arguments) is listed once. */
  public Violations add(String field, String code, Object... args) {
    return add(Violation.of(prefix + field, code, args));
  }

  public Violations addAll(List<Violation> violations) {
    violations.forEach(v -> add(new Violation(prefix + v.field(), v.code(), v.args())));
    return this;
  }

  private Violations add(Violation violation) {
    if (!found.contains(violation)) {
      found.add(violation);
    }
    return this;
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public List<Violation> list() {
    return List.copyOf(found);
  }

  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidInputException(found);
    }
  }
}
