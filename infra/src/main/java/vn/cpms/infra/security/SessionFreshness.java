package vn.cpms.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a web session whose user has changed since it signed in (password, roles, areas, disabled:
 * the user's stamp, read on every request, so a change on any node counts at once) or that is older
 * than {@code cpms.security.session.max-lifetime} (12 hours, however active): the request goes on
 * as anonymous and the login page follows.
 */
class SessionFreshness extends OncePerRequestFilter {
  private final UserStore users;
  private final Clock clock;
  private final Duration maxLifetime;

  SessionFreshness(UserStore users, Clock clock, Duration maxLifetime) {
    this.users = users;
    this.clock = clock;
    this.maxLifetime = maxLifetime;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (session != null && auth != null && auth.getPrincipal() instanceof CpmsUser) {
      boolean tooOld = clock.millis() - session.getCreationTime() > maxLifetime.toMillis();
      if (tooOld || !SecurityConfiguration.stillCurrent(users, auth, null)) {
        session.invalidate();
        SecurityContextHolder.clearContext();
      }
    }
    chain.doFilter(request, response);
  }
}
