package vn.cpms.kernel;

import java.util.List;

/**
 * A command that the resource's current state does not allow (HTTP 409), e.g. closing a closed
 * case. {@code code} is a stable key of the message bundles; the message never contains personal
 * data, only codes and ids.
 */
public class RuleViolationException extends RuntimeException {
  private final String code;
  private final List<Object> args;

  public RuleViolationException(String code, Object... args) {
    super(code);
    this.code = code;
    this.args = List.of(args);
  }

  public String code() {
    return code;
  }

  public List<Object> args() {
    return args;
  }
}
