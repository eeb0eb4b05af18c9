package vn.cpms.infra.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.cpms.infra.consistency.ReadModelsBehindException;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.UnknownReferenceException;

/**
 * Maps every failure to a problem detail a worker understands, in Vietnamese or English. Nothing of
 * the request body (names, phone numbers, descriptions) is echoed or logged.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final ApiProblems problems;

  public ApiExceptionHandler(ApiProblems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
    return respond(problems.invalid(e.violations()));
  }

  @ExceptionHandler(RuleViolationException.class)
  ResponseEntity<ProblemDetail> rule(RuleViolationException e) {
    return respond(problems.rule(e.code(), e.args()));
  }

  @ExceptionHandler({
    NotFoundException.class,
    UnknownReferenceException.class,
    AggregateNotFoundException.class,
    IncompatibleAggregateException.class
  })
  ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
    return respond(problems.problem(HttpStatus.NOT_FOUND, "not-found"));
  }

  /** A read that follows a write, whose read models did not catch up in time: try again soon. */
  @ExceptionHandler(ReadModelsBehindException.class)
  ResponseEntity<ProblemDetail> behind(ReadModelsBehindException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "behind"));
  }

  @ExceptionHandler(MalformedRequestException.class)
  ResponseEntity<ProblemDetail> malformed(MalformedRequestException e) {
    return respond(problems.problem(HttpStatus.BAD_REQUEST, "malformed"));
  }

  @ExceptionHandler({
    ConcurrencyException.class,
    ConflictingAggregateVersionException.class,
    AggregateStreamCreationException.class
  })
  ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
    return respond(problems.problem(HttpStatus.CONFLICT, "version-conflict"));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return respond(problems.problem(HttpStatus.FORBIDDEN, "forbidden"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return respond(problems.problem(HttpStatus.BAD_REQUEST, "malformed"));
  }

  /**
   * A handler's failure that arrives wrapped: a command failing remotely (Axon Server) or with a
   * checked exception, a query failing inside its future. The first known cause decides.
   */
  @ExceptionHandler({
    CommandExecutionException.class,
    QueryExecutionException.class,
    CompletionException.class
  })
  ResponseEntity<ProblemDetail> wrapped(Exception e) {
    for (Throwable cause = e.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return invalid(invalid);
      }
      if (cause instanceof RuleViolationException rule) {
        return rule(rule);
      }
      if (cause instanceof ConcurrencyException concurrency) {
        return concurrent(concurrency);
      }
      if (cause instanceof UnknownReferenceException
          || cause instanceof NotFoundException
          || cause instanceof IncompatibleAggregateException
          || cause instanceof AggregateNotFoundException) {
        return notFound((RuntimeException) cause);
      }
    }
    return unexpected(e);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    // The exception's class and stack only: messages may quote input.
    log.error("Unexpected failure: {}", e.getClass().getName(), withoutMessage(e));
    return respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal"));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "malformed");
    String member = member(ex);
    if (member != null) {
      problem.setProperty(
          "errors",
          List.of(
              Map.of(
                  "field",
                  member,
                  "code",
                  "malformed",
                  "message",
                  problems.message("error.malformed"))));
    }
    return new ResponseEntity<>(problem, headers, HttpStatus.BAD_REQUEST);
  }

  /** The member of the body that could not be read, as a path ({@code child.disability}). */
  static String member(Throwable e) {
    for (Throwable cause = e;
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
          if (ref.getFieldName() != null) {
            path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
          } else if (ref.getIndex() >= 0) {
            path.append('[').append(ref.getIndex()).append(']');
          }
        }
        return path.isEmpty() ? null : path.toString();
      }
    }
    return null;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return new ResponseEntity<>(
        problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),
        headers,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return new ResponseEntity<>(
        problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", 10),
        headers,
        HttpStatus.PAYLOAD_TOO_LARGE);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
    return super.handleExceptionInternal(ex, problem, headers, status, request);
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private static Throwable withoutMessage(Throwable e) {
    RuntimeException copy = new RuntimeException(e.getClass().getName());
    copy.setStackTrace(e.getStackTrace());
    if (e.getCause() != null && e.getCause() != e) {
      copy.initCause(withoutMessage(e.getCause()));
    }
    return copy;
  }
}
