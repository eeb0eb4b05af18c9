package vn.cpms.infra.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.cpms.kernel.AccessScope;
import vn.cpms.kernel.area.AreaCode;

/**
 * One door for every message (issue 16): this dispatch interceptor stamps every command and query
 * with who sends it ({@code actor}) and, for a caller held to areas, those areas ({@link
 * AccessScope#METADATA_KEY}, checked by the aggregates). The sender is the signed-in user, the
 * system ({@link SystemActor}), or the event or deadline being handled (a policy's command, a legal
 * clock). The handler interceptors refuse a command or query that carries no actor: nothing reaches
 * a handler unless someone answers for it.
 */
public class CallerStamp implements MessageDispatchInterceptor<Message<?>> {
  public static final String ACTOR = "actor";

  /** The actor of a message caused by handling an event or a deadline. */
  public static final String POLICY = "system:policy";

  private final CallerScope scope;

  public CallerStamp(CallerScope scope) {
    this.scope = scope;
  }

  @Override
  public BiFunction<Integer, Message<?>, Message<?>> handle(List<? extends Message<?>> messages) {
    return (index, message) -> {
      if (message.getMetaData().containsKey(ACTOR) || message instanceof EventMessage<?>) {
        return message;
      }
      Map<String, Object> stamp = stamp(message instanceof CommandMessage<?>);
      return stamp.isEmpty() ? message : message.andMetaData(stamp);
    };
  }

  /**
   * Who sends; for a command, also the caller's areas (a query carries its areas in its payload,
   * cut by the application service, and the areas themselves are read by a query).
   */
  private Map<String, Object> stamp(boolean command) {
    Map<String, Object> stamp = new HashMap<>();
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof CpmsUser user) {
      stamp.put(ACTOR, user.getUsername());
      if (!command) {
        return stamp;
      }
      if (user.account().providerId() != null) {
        // a provider's user answers for their provider only (Referral checks it)
        stamp.put("provider", user.account().providerId().toString());
        return stamp;
      }
      scope
          .areas()
          .ifPresent(
              areas ->
                  stamp.put(
                      AccessScope.METADATA_KEY,
                      areas.codes().stream().map(AreaCode::value).sorted().toList()));
    } else if (SystemActor.isSystem(auth)) {
      stamp.put(ACTOR, SystemActor.NAME);
    } else if (CurrentUnitOfWork.isStarted()
        && CurrentUnitOfWork.get().root().getMessage() instanceof EventMessage<?>) {
      stamp.put(ACTOR, POLICY);
    }
    return stamp;
  }

  /** Refuses a message that reached its handler without an actor. */
  static Object requireActor(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    if (!unitOfWork.getMessage().getMetaData().containsKey(ACTOR)) {
      throw new IllegalStateException(
          "refused: "
              + unitOfWork.getMessage().getPayloadType().getSimpleName()
              + " was sent by no signed-in user, nor as the system's");
    }
    return chain.proceed();
  }

  /** The refusal on the command bus. */
  public static class Commands implements MessageHandlerInterceptor<CommandMessage<?>> {
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
        throws Exception {
      return requireActor(unitOfWork, chain);
    }
  }

  /** The refusal on the query bus. */
  public static class Queries implements MessageHandlerInterceptor<QueryMessage<?, ?>> {
    @Override
    public Object handle(
        UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain)
        throws Exception {
      return requireActor(unitOfWork, chain);
    }
  }
}
