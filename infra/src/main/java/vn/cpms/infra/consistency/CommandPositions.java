package vn.cpms.infra.consistency;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event-store position a command's answer carries ({@code Consistency-Position}): the global
 * index of the last event the command stored. The command's sender announces the command ({@link
 * #expect}); while it is handled, this dispatch interceptor of the event bus notes the identifiers
 * of the events it publishes; once the command has committed, {@link #positionOf} looks their
 * global index up (the store assigns it on insert). A command that stored nothing (an idempotent
 * repeat) answers the last event of the aggregate it addresses: for a repeated create, the event
 * the first answer stored.
 */
public class CommandPositions implements MessageDispatchInterceptor<EventMessage<?>> {
  private final JdbcTemplate jdbc;
  private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
  private final Map<String, List<String>> pending = new ConcurrentHashMap<>();

  public CommandPositions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The command with this identifier is about to be sent: note the events it stores. */
  public void expect(String commandId) {
    pending.put(commandId, new CopyOnWriteArrayList<>());
  }

  /** The position the answer to {@code command} carries; forgets the command. */
  public long positionOf(CommandMessage<?> command) {
    List<String> events = pending.remove(command.getIdentifier());
    if (events != null && !events.isEmpty()) {
      Long stored =
          jdbc.queryForObject(
              "select max(globalindex) from domainevententry where eventidentifier = any(?)",
              Long.class,
              (Object) events.toArray(String[]::new));
      if (stored != null) {
        return stored;
      }
    }
    return lastEventOf(command);
  }

  /** Forgets a command that failed: it stored nothing. */
  public void forget(String commandId) {
    pending.remove(commandId);
  }

  private long lastEventOf(CommandMessage<?> command) {
    Long last;
    try {
      String aggregate = targets.resolveTarget(command).getIdentifier();
      last =
          jdbc.queryForObject(
              "select max(globalindex) from domainevententry where aggregateidentifier = ?",
              Long.class,
              aggregate);
    } catch (IllegalArgumentException noTarget) {
      last = null;
    }
    if (last == null) {
      last = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    }
    return last == null ? 0 : last;
  }

  @Override
  public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
      List<? extends EventMessage<?>> messages) {
    if (CurrentUnitOfWork.isStarted()
        && CurrentUnitOfWork.get().root().getMessage() instanceof CommandMessage<?> command) {
      List<String> events = pending.get(command.getIdentifier());
      if (events != null) {
        messages.forEach(event -> events.add(event.getIdentifier()));
      }
    }
    return (index, event) -> event;
  }
}
