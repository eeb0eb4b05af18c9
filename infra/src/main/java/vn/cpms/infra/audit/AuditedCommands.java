package vn.cpms.infra.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit row of a command sent for a request is written in the command's own transaction, just
 * before its events are committed: a command is never stored without its row, and a row whose
 * insert fails rolls the command back. The request that sent it travels as metadata ({@link #of}),
 * so this holds on whichever node handles the command.
 */
public class AuditedCommands implements MessageHandlerInterceptor<CommandMessage<?>> {
  public static final String USER = "auditUser";
  public static final String METHOD = "auditMethod";
  public static final String PATH = "auditPath";
  public static final String REMOTE = "auditRemote";
  static final String DETAIL = "auditDetail";

  private final AuditTrail trail;
  private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

  public AuditedCommands(AuditTrail trail) {
    this.trail = trail;
  }

  /** The metadata that has a command audited: the current request, if there is one. */
  public static Map<String, Object> of(String username) {
    Map<String, Object> metadata = new HashMap<>();
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
      HttpServletRequest request = current.getRequest();
      Object path = request.getAttribute(AuditTrail.REQUEST_PATH);
      metadata.put(USER, username);
      metadata.put(METHOD, request.getMethod());
      metadata.put(PATH, path != null ? path : AuditFilter.servedPath(request));
      metadata.put(REMOTE, request.getRemoteAddr());
      if (request.getAttribute(AuditTrail.DETAIL) instanceof String detail) {
        metadata.put(DETAIL, detail);
      }
    }
    return metadata;
  }

  /** The command has committed with its row: the request need not write another. */
  public static void committed() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
      current.getRequest().setAttribute(AuditTrail.RECORDED_WITH_EVENTS, Boolean.TRUE);
    }
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    CommandMessage<?> command = unitOfWork.getMessage();
    if (command.getMetaData().get(PATH) instanceof String path) {
      unitOfWork.onPrepareCommit(u -> write(command, path));
    }
    return chain.proceed();
  }

  private void write(CommandMessage<?> command, String path) {
    String method = String.valueOf(command.getMetaData().get(METHOD));
    AuditTrail.Target target = AuditTrail.classify(method, path);
    if (target == null) {
      target = new AuditTrail.Target("COMMAND", command.getPayloadType().getSimpleName(), null);
    }
    if (target.id() == null) {
      target = new AuditTrail.Target(target.action(), target.type(), aggregateOf(command));
    }
    trail.record(
        String.valueOf(command.getMetaData().get(USER)),
        method,
        path,
        new AuditTrail.Target("COMMAND", target.type(), target.id()),
        200,
        (String) command.getMetaData().get(REMOTE),
        command.getMetaData().get(DETAIL) instanceof String detail
            ? command.getPayloadType().getSimpleName() + " " + detail
            : command.getPayloadType().getSimpleName());
  }

  private String aggregateOf(CommandMessage<?> command) {
    try {
      return targets.resolveTarget(command).getIdentifier();
    } catch (IllegalArgumentException none) {
      return null;
    }
  }
}
