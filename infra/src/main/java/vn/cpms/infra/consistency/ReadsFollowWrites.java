package vn.cpms.infra.consistency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.cpms.infra.web.MalformedRequestException;

/**
 * Reads follow writes (API.md). A command's answer carries {@code Consistency-Position}, the
 * event-store position its events reached ({@link #answered}); a {@code GET} that sends it back has
 * each of its queries wait until the read models the query reads have processed that position
 * ({@link ReadModelGate}), at most {@code cpms.consistency.timeout}, then {@code 503}. The web
 * pages do the same without the header: a form that redirects after a command hands the position to
 * the page it redirects to.
 */
public class ReadsFollowWrites
    implements HandlerInterceptor, MessageDispatchInterceptor<QueryMessage<?, ?>> {
  public static final String HEADER = "Consistency-Position";
  static final String FLASH = "consistencyPosition";
  private static final String REQUIRED = ReadsFollowWrites.class.getName() + ".required";
  private static final String ANSWERED = ReadsFollowWrites.class.getName() + ".answered";
  private static final String CAUGHT_UP = ReadsFollowWrites.class.getName() + ".caughtUp";

  private final ReadModelGate gate;
  private final ReadModels readModels;
  private final Duration timeout;

  public ReadsFollowWrites(ReadModelGate gate, ReadModels readModels, Duration timeout) {
    this.gate = gate;
    this.readModels = readModels;
    this.timeout = timeout;
  }

  /**
   * A command of the current request stored its events up to {@code position}: the answer carries
   * it (the highest, if the request sent several commands).
   */
  public static void answered(long position) {
    if (!(RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes request)) {
      return;
    }
    Object before = request.getAttribute(ANSWERED, RequestAttributes.SCOPE_REQUEST);
    long highest = before instanceof Long earlier ? Math.max(earlier, position) : position;
    request.setAttribute(ANSWERED, highest, RequestAttributes.SCOPE_REQUEST);
    HttpServletResponse response = request.getResponse();
    if (response != null && !response.isCommitted()) {
      response.setHeader(HEADER, Long.toString(highest));
    }
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    // Any request may send the header: a command's checks that read a read model (is this area in
    // the registry?) then see the client's own earlier writes too.
    Long position = parse(request.getHeader(HEADER));
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    Map<String, ?> flash = read ? RequestContextUtils.getInputFlashMap(request) : null;
    if (position == null && flash != null && flash.get(FLASH) instanceof Long handedOn) {
      position = handedOn;
    }
    if (position != null) {
      request.setAttribute(REQUIRED, position);
    }
    return true;
  }

  /** A form that redirects after a command hands its position to the page it redirects to. */
  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView next) {
    if (request.getAttribute(ANSWERED) instanceof Long position
        && next != null
        && next.getViewName() != null
        && next.getViewName().startsWith("redirect:")) {
      FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
      flash.put(FLASH, position);
    }
  }

  private static Long parse(String header) {
    if (header == null) {
      return null;
    }
    try {
      long position = Long.parseLong(header.strip());
      if (position < 0) {
        throw new MalformedRequestException(HEADER);
      }
      return position;
    } catch (NumberFormatException e) {
      throw new MalformedRequestException(HEADER);
    }
  }

  /** Each query of a request that follows a write waits for the read models it reads. */
  @Override
  public BiFunction<Integer, QueryMessage<?, ?>, QueryMessage<?, ?>> handle(
      List<? extends QueryMessage<?, ?>> messages) {
    return (index, query) -> {
      if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
          && request.getAttribute(REQUIRED, RequestAttributes.SCOPE_REQUEST)
              instanceof Long position) {
        Set<String> needed = new HashSet<>(readModels.readBy(query.getPayloadType()));
        @SuppressWarnings("unchecked")
        Set<String> caughtUp =
            (Set<String>) request.getAttribute(CAUGHT_UP, RequestAttributes.SCOPE_REQUEST);
        if (caughtUp != null) {
          needed.removeAll(caughtUp);
        }
        if (!needed.isEmpty()) {
          gate.await(position, needed, timeout);
          Set<String> now = caughtUp == null ? new HashSet<>() : caughtUp;
          now.addAll(needed);
          request.setAttribute(CAUGHT_UP, now, RequestAttributes.SCOPE_REQUEST);
        }
      }
      return query;
    };
  }
}
