package vn.cpms.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.LocaleResolver;
import vn.cpms.infra.web.ApiProblems;

/** 401 as a problem detail in the caller's language, with the Basic challenge. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {
  private final ApiProblems problems;
  private final ObjectMapper json;
  private final LocaleResolver locales;

  ProblemAuthenticationEntryPoint(ApiProblems problems, ObjectMapper json, LocaleResolver locales) {
    this.problems = problems;
    this.json = json;
    this.locales = locales;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    LocaleContextHolder.setLocale(locales.resolveLocale(request));
    try {
      ProblemDetail problem = problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized");
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader("WWW-Authenticate", "Basic realm=\"cpms\", charset=\"UTF-8\"");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), problem);
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }
}
