package vn.cpms.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import vn.cpms.infra.web.ProblemResponses;

/** 401 as a problem detail in the caller's language, with the Basic challenge. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {
  private final ProblemResponses problems;

  ProblemAuthenticationEntryPoint(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    problems.write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthorized",
        Map.of("WWW-Authenticate", "Basic realm=\"cpms\", charset=\"UTF-8\""));
  }
}
