package vn.cpms.infra.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import vn.cpms.kernel.Violation;

/**
 * Builds RFC 9457 problem details with texts in the caller's language: {@code type}, {@code title},
 * {@code status}, {@code detail} and, for invalid input, {@code errors} with {@code field}, {@code
 * code} and {@code message}.
 */
@Component
public class ApiProblems {
  private final ApiMessages messages;

  public ApiProblems(ApiMessages messages) {
    this.messages = messages;
  }

  public ProblemDetail problem(HttpStatus status, String kind, Object... detailArgs) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(URI.create("urn:cpms:problem:" + kind));
    problem.setTitle(messages.get("problem." + kind + ".title"));
    problem.setDetail(messages.get("problem." + kind + ".detail", detailArgs));
    return problem;
  }

  /** A message in the caller's language. */
  public String message(String key, Object... args) {
    return messages.get(key, args);
  }

  public ProblemDetail invalid(List<Violation> violations) {
    ProblemDetail problem =
        problem(HttpStatus.UNPROCESSABLE_ENTITY, "validation", violations.size());
    problem.setProperty(
        "errors",
        violations.stream()
            .map(
                v ->
                    Map.of(
                        "field", v.field(),
                        "code", v.code(),
                        "message", messages.get("error." + v.code(), v.args())))
            .toList());
    return problem;
  }

  public ProblemDetail rule(String code, List<Object> args) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict");
    problem.setDetail(messages.get("rule." + code, args));
    problem.setProperty("code", code);
    return problem;
  }
}
