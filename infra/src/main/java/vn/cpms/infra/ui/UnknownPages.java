package vn.cpms.infra.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.cpms.infra.web.ApiExceptionHandler;

/**
 * An address that leads nowhere (issue 19): in the browser, the page that says so in the user's
 * language, with the menu; for the API (and a client that asks for JSON only), the same RFC 9457
 * problem as before. No controller handles such an address, so the pages' own advice never sees it.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnknownPages {
  private final UiModel pages;
  private final ApiExceptionHandler api;

  public UnknownPages(UiModel pages, ApiExceptionHandler api) {
    this.pages = pages;
    this.api = api;
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object unknown(NoResourceFoundException e, HttpServletRequest request, WebRequest web)
      throws Exception {
    return page(request)
        ? pages.page(request, HttpStatus.NOT_FOUND, "not-found")
        : api.handleException(e, web);
  }

  /**
   * A page asked for with another method (a bookmarked form address) or a body it does not take:
   * the page that says so, as for an unknown address.
   */
  @ExceptionHandler({
    org.springframework.web.HttpRequestMethodNotSupportedException.class,
    org.springframework.web.HttpMediaTypeNotSupportedException.class
  })
  Object refused(Exception e, HttpServletRequest request, WebRequest web) throws Exception {
    if (!page(request)) {
      return api.handleException(e, web);
    }
    return e instanceof org.springframework.web.HttpRequestMethodNotSupportedException
        ? pages.page(request, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed")
        : pages.page(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-page-media");
  }

  /** Whether the request is a browser's, for a page (not the API, the actuator or OpenAPI). */
  static boolean page(HttpServletRequest request) {
    String path = request.getRequestURI();
    String accept = request.getHeader("Accept");
    return !path.startsWith("/api/")
        && !path.startsWith("/actuator")
        && !path.startsWith("/v3/")
        && (accept == null || accept.contains("text/html") || accept.contains("*/*"));
  }
}
