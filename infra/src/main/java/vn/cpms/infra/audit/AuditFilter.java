package vn.cpms.infra.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records each audited request once its answer is known, denied ones included: it sits in the
 * security filter chain after authentication and before the access decision.
 */
public class AuditFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

  private final AuditTrail trail;

  public AuditFilter(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    AuditTrail.Target classified = AuditTrail.classify(request.getMethod(), path);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    try {
      chain.doFilter(request, response);
    } finally {
      AuditTrail.Target target = classified;
      if (target == null && response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
        target = AuditTrail.denied(path); // an attempt outside one's role is always kept
      }
      if (target != null) {
        String user =
            auth == null || auth instanceof AnonymousAuthenticationToken
                ? "anonymous"
                : auth.getName();
        String location = response.getHeader("Location");
        if (target.id() == null && location != null) {
          // a create names its new resource in Location
          target =
              new AuditTrail.Target(
                  target.action(),
                  target.type(),
                  location.substring(location.lastIndexOf('/') + 1));
        }
        try {
          trail.record(
              user,
              request.getMethod(),
              path,
              target,
              response.getStatus(),
              request.getRemoteAddr());
        } catch (RuntimeException e) {
          log.error("audit entry not written for {} {}", request.getMethod(), path, e);
        }
      }
    }
  }
}
