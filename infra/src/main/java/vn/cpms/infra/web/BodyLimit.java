package vn.cpms.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A JSON body larger than {@code cpms.api.max-body} (1 MB; no request of the API needs more) is
 * refused before it is read: {@code 413} as a problem in the caller's language. Spreadsheet imports
 * ({@code /api/v1/imports}) have their own limit (10 MB).
 */
@Component
public class BodyLimit extends OncePerRequestFilter {
  private final ApiProblems problems;
  private final ObjectMapper json;
  private final LocaleResolver locales;
  private final long maxBytes;

  public BodyLimit(
      ApiProblems problems,
      ObjectMapper json,
      LocaleResolver locales,
      @Value("${cpms.api.max-body:1048576}") long maxBytes) {
    this.problems = problems;
    this.json = json;
    this.locales = locales;
    this.maxBytes = maxBytes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/") || path.startsWith("/api/v1/imports");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() <= maxBytes) {
      chain.doFilter(request, response);
      return;
    }
    LocaleContextHolder.setLocale(locales.resolveLocale(request));
    try {
      ProblemDetail problem =
          problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", maxBytes / (1024 * 1024));
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), problem);
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }
}
