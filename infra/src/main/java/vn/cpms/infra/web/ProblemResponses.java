package vn.cpms.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes a problem (RFC 9457) in the caller's language from a servlet filter, where no controller
 * advice answers: refused paths, bodies and media types, failed sign-ins, unwritable audit rows.
 */
@Component
public class ProblemResponses {
  private final ApiProblems problems;
  private final ObjectMapper json;
  private final LocaleResolver locales;

  public ProblemResponses(ApiProblems problems, ObjectMapper json, LocaleResolver locales) {
    this.problems = problems;
    this.json = json;
    this.locales = locales;
  }

  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String kind,
      Object... detailArgs)
      throws IOException {
    write(request, response, status, kind, Map.of(), detailArgs);
  }

  /** The same, with response headers (e.g. {@code WWW-Authenticate}). */
  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String kind,
      Map<String, String> headers,
      Object... detailArgs)
      throws IOException {
    LocaleContextHolder.setLocale(locales.resolveLocale(request));
    try {
      ProblemDetail problem = problems.problem(status, kind, detailArgs);
      response.setStatus(status.value());
      headers.forEach(response::setHeader);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), problem);
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }
}
