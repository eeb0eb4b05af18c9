package vn.cpms.infra.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;
import vn.cpms.infra.web.ProblemResponses;

/**
 * Records each audited request on the path Spring serves (decoded and normalised, the one the
 * access rules matched), denied ones included: it sits in the security filter chain after
 * authentication and before the access decision.
 *
 * <p>The answer of an audited request is held back until its row is written: a read's body reaches
 * the caller only once the read is on record, and a request whose row cannot be written answers
 * {@code 500} instead. A command sent through {@code CommandSender} has its row written with its
 * events, in the command's transaction ({@link AuditedCommands}); this filter then writes only a
 * refused or failed attempt, which changed nothing.
 */
public class AuditFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
  private static final UrlPathHelper PATHS = new UrlPathHelper();

  static {
    PATHS.setUrlDecode(true);
    PATHS.setRemoveSemicolonContent(true);
  }

  private final AuditTrail trail;
  private final ProblemResponses problems;

  public AuditFilter(AuditTrail trail, ProblemResponses problems) {
    this.trail = trail;
    this.problems = problems;
  }

  /** The path the request is served on, decoded, without the context path. */
  static String servedPath(HttpServletRequest request) {
    return PATHS.getPathWithinApplication(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = servedPath(request);
    AuditTrail.Target classified = AuditTrail.classify(request.getMethod(), path);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    request.setAttribute(AuditTrail.REQUEST_PATH, path);
    if (classified == null) {
      // not audited: nothing to hold back; an attempt outside one's role is kept all the same
      chain.doFilter(request, response);
      AuditTrail.Target denied = AuditTrail.denied(path);
      if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN && denied != null) {
        tryRecord(request, auth, path, denied, HttpServletResponse.SC_FORBIDDEN, null);
      }
      return;
    }
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, held);
    } catch (IOException | ServletException | RuntimeException e) {
      // a failure that escapes the chain (a page that cannot render) is an attempt all the same
      tryRecord(
          request,
          auth,
          path,
          classified,
          HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
          e.getClass().getSimpleName());
      throw e;
    }
    boolean recordedWithEvents =
        Boolean.TRUE.equals(request.getAttribute(AuditTrail.RECORDED_WITH_EVENTS))
            && held.getStatus() < 400;
    if (!recordedWithEvents) {
      try {
        record(
            request,
            auth,
            path,
            createdTarget(classified, held),
            held.getStatus(),
            request.getAttribute(AuditTrail.DETAIL) instanceof String detail ? detail : null);
      } catch (RuntimeException e) {
        log.error(
            "audit entry not written for {} {}: request refused", request.getMethod(), path, e);
        held.resetBuffer();
        response.reset();
        problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "audit-unavailable");
        return;
      }
    }
    held.copyBodyToResponse();
  }

  private void record(
      HttpServletRequest request,
      Authentication auth,
      String path,
      AuditTrail.Target target,
      int status,
      String detail) {
    trail.record(
        username(auth), request.getMethod(), path, target, status, request.getRemoteAddr(), detail);
  }

  /** A row for an answer that has already failed: a row that cannot be written is logged. */
  private void tryRecord(
      HttpServletRequest request,
      Authentication auth,
      String path,
      AuditTrail.Target target,
      int status,
      String detail) {
    try {
      record(request, auth, path, target, status, detail);
    } catch (RuntimeException notWritten) {
      log.error("audit entry not written for {} {}", request.getMethod(), path, notWritten);
    }
  }

  /** A create names its new resource in {@code Location}. */
  private static AuditTrail.Target createdTarget(
      AuditTrail.Target target, HttpServletResponse response) {
    String location = response.getHeader("Location");
    if (target.id() != null || location == null) {
      return target;
    }
    return new AuditTrail.Target(
        target.action(), target.type(), location.substring(location.lastIndexOf('/') + 1));
  }

  static String username(Authentication auth) {
    return auth == null || auth instanceof AnonymousAuthenticationToken
        ? "anonymous"
        : auth.getName();
  }
}
