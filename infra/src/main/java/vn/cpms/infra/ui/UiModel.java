package vn.cpms.infra.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import vn.cpms.infra.security.CpmsUser;
import vn.cpms.infra.security.Role;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.kernel.UnknownReferenceException;

/**
 * What every page of the web UI knows (the signed-in user, their roles, the language, the current
 * path for the language switch) and the pages for a missing or forbidden resource. Ordered before
 * the API's advice, and only for the UI's controllers, so the API keeps its problem details.
 */
@ControllerAdvice(basePackageClasses = UiModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UiModel {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UiModel.class);

  private final vn.cpms.infra.web.inbox.Inbox inbox;

  public UiModel(
      org.springframework.beans.factory.ObjectProvider<vn.cpms.infra.web.inbox.Inbox> inbox) {
    this.inbox = inbox.getIfAvailable();
  }

  @ModelAttribute
  void common(Model model, HttpServletRequest request) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    Set<String> roles = Set.of();
    if (auth != null && auth.getPrincipal() instanceof CpmsUser user) {
      model.addAttribute("me", user.account());
      roles = user.account().roles().stream().map(Role::name).collect(Collectors.toSet());
    }
    model.addAttribute("roles", roles);
    // the header's count of what needs the worker or supervisor now (issue 20)
    if (inbox != null
        && (roles.contains("CASE_WORKER") || roles.contains("SUPERVISOR"))
        && "GET".equals(request.getMethod())) {
      model.addAttribute("inboxCount", inbox.mine().size());
    }
    model.addAttribute("national", vn.cpms.infra.security.CallerScope.callerIsNationalAdmin(auth));
    model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
    String query = request.getQueryString();
    model.addAttribute(
        "here",
        request.getRequestURI()
            + (query == null || !"GET".equals(request.getMethod()) ? "" : "?" + query));
  }

  @ExceptionHandler({
    NotFoundException.class,
    UnknownReferenceException.class,
    MethodArgumentTypeMismatchException.class
  })
  ModelAndView notFound(HttpServletRequest request) {
    return page(request, HttpStatus.NOT_FOUND, "not-found");
  }

  /** A form posted without a field that every form of the page sends: a crafted request. */
  @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
  ModelAndView incomplete(HttpServletRequest request) {
    return page(request, HttpStatus.BAD_REQUEST, "incomplete-form");
  }

  /** A crafted request the page's form would never send (a missing year): nothing saved. */
  @ExceptionHandler(vn.cpms.kernel.InvalidInputException.class)
  ModelAndView invalid(HttpServletRequest request) {
    return page(request, HttpStatus.BAD_REQUEST, "invalid-request");
  }

  /** A step the record is not ready for, reached without its form: the page that says so. */
  @ExceptionHandler(vn.cpms.kernel.RuleViolationException.class)
  ModelAndView conflict(HttpServletRequest request) {
    return page(request, HttpStatus.CONFLICT, "conflict");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView denied(HttpServletRequest request) {
    return page(request, HttpStatus.FORBIDDEN, "forbidden");
  }

  /** Anything else: a page that says nothing was saved; the log gets the class, not the input. */
  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected failure on a page: {}", e.getClass().getName());
    return page(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal");
  }

  /** The page that says what went wrong, in the user's language, with the menu. */
  ModelAndView page(HttpServletRequest request, HttpStatus status, String kind) {
    ModelAndView page = new ModelAndView("problem");
    page.setStatus(status);
    page.addObject("kind", kind);
    Model model = new org.springframework.ui.ExtendedModelMap();
    common(model, request);
    page.addAllObjects(model.asMap());
    return page;
  }
}
