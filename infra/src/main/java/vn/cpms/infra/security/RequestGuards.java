package vn.cpms.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.cpms.infra.web.ProblemResponses;

/**
 * What every request must look like before anything else looks at it.
 *
 * <ul>
 *   <li>Its path is written as the application writes it: no percent escapes and no backslash
 *       ({@code /api/v1/%63hildren} is refused with {@code 400}), so that the access rules, the
 *       audit trail and the handler all read the same path. Spring's strict firewall already
 *       refuses {@code ;}, {@code //}, {@code ..} and encoded slashes.
 *   <li>A request of the API that changes something declares a JSON body ({@code Content-Type:
 *       application/json}, a body-less one too; a spreadsheet import its CSV or XLSX), otherwise
 *       {@code 415}: a cross-site form can send only form, multipart or plain-text bodies, so a
 *       browser's cached Basic credentials cannot be used by another site to change anything.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class RequestGuards {
  static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  static final Set<String> IMPORT_TYPES =
      Set.of(
          "text/csv",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          MediaType.APPLICATION_OCTET_STREAM_VALUE);

  @Bean
  WebSecurityCustomizer normalPaths(ProblemResponses problems) {
    return web ->
        web.httpFirewall(new NormalPathFirewall())
            .requestRejectedHandler(
                (request, response, e) ->
                    problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-path"));
  }

  /** Spring's strict firewall, refusing escaped paths as well. */
  static class NormalPathFirewall extends StrictHttpFirewall {
    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
      String uri = request.getRequestURI();
      if (uri.indexOf('%') >= 0 || uri.indexOf('\\') >= 0) {
        throw new RequestRejectedException("a path with escapes");
      }
      return super.getFirewalledRequest(request);
    }
  }

  /** Whether a request of the API that changes something declares a body no form can send. */
  static boolean declaresJson(String method, String path, String contentType) {
    if (READS.contains(method)) {
      return true;
    }
    if (contentType == null) {
      return false;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType);
    } catch (org.springframework.util.InvalidMimeTypeException e) {
      return false;
    }
    if (MediaType.APPLICATION_JSON.includes(type)
        || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"))) {
      return true;
    }
    return path.startsWith("/api/v1/imports/")
        && IMPORT_TYPES.contains(type.getType() + "/" + type.getSubtype());
  }

  /** The {@code 415} for a changing request of the API without a JSON body (see above). */
  static class JsonWrites extends OncePerRequestFilter {
    private final ProblemResponses problems;

    JsonWrites(ProblemResponses problems) {
      this.problems = problems;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (!path.startsWith("/api/")
          || declaresJson(request.getMethod(), path, request.getContentType())) {
        chain.doFilter(request, response);
        return;
      }
      problems.write(
          request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
    }
  }
}
