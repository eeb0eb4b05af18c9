package vn.cpms.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON body larger than {@code cpms.api.max-body} (1 MB; no request of the API needs more) is
 * refused before it is read: {@code 413} as a problem in the caller's language. Spreadsheet imports
 * ({@code /api/v1/imports}) have their own limit (10 MB).
 */
@Component
public class BodyLimit extends OncePerRequestFilter {
  private final ProblemResponses problems;
  private final long maxBytes;

  public BodyLimit(
      ProblemResponses problems, @Value("${cpms.api.max-body:1048576}") long maxBytes) {
    this.problems = problems;
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
    problems.write(
        request, response, HttpStatus.PAYLOAD_TOO_LARGE, "too-large", maxBytes / (1024 * 1024));
  }
}
