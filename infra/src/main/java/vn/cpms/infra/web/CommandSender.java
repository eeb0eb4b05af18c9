package vn.cpms.infra.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.cpms.infra.audit.AuditedCommands;
import vn.cpms.infra.axon.AxonConfiguration;
import vn.cpms.infra.consistency.CommandPositions;
import vn.cpms.infra.consistency.ReadsFollowWrites;

/**
 * Sends a command on behalf of the signed-in user and waits until its events are committed: the
 * user's name travels as metadata onto every event the command causes (the "who" of the timeline),
 * and the request travels with it for its audit row ({@code AuditedCommands}); the caller's areas
 * are stamped on it, as on every message, by {@code CallerStamp}. The answer carries the
 * event-store position the command's events reached ({@code Consistency-Position}), so that the
 * client's next read can follow its write.
 */
@Component
public class CommandSender {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CommandSender.class);
  private final CommandGateway gateway;
  private final CommandPositions positions;

  public CommandSender(CommandGateway gateway, CommandPositions positions) {
    this.gateway = gateway;
    this.positions = positions;
  }

  /**
   * Sends a command on an existing resource and answers {@code 200} with the resource's new version
   * (the handler's result) in the body and the {@code ETag}.
   */
  public ResponseEntity<Updated> update(UUID id, Object command) {
    long version = send(command);
    return ResponseEntity.ok().eTag(IfMatch.etag(version)).body(new Updated(id, version));
  }

  /** Sends a command on an existing resource: its id and new version (the handler's result). */
  public Updated updated(UUID id, Object command) {
    long version = send(command);
    return new Updated(id, version);
  }

  /** The answer to a command on an existing resource: its id and new version. */
  public record Updated(UUID id, long version) {}

  /**
   * The command has committed: its answer must not fail now. Should the position not be found (the
   * database gone for a moment), the answer goes without it and a read does not wait.
   */
  private void answerPosition(CommandMessage<?> message) {
    try {
      ReadsFollowWrites.answered(positions.positionOf(message));
    } catch (org.springframework.dao.DataAccessException e) {
      log.warn("No Consistency-Position for command {}: {}", message.getIdentifier(), e.getClass());
    }
  }

  /**
   * A form whose own fields could not be read (a date in the wrong shape) still runs the API's
   * checks so that every fault shows at once (issue 19), but with its commands held: none is sent.
   */
  private static final ThreadLocal<Boolean> HELD = new ThreadLocal<>();

  /** Raised instead of sending a command while commands are held. */
  public static final class HeldException extends RuntimeException {
    HeldException() {
      super("command held: the form has faults of its own", null, false, false);
    }
  }

  /** From now on in this request, every command is refused by a {@link HeldException}. */
  public static void hold() {
    HELD.set(Boolean.TRUE);
  }

  /** Runs {@code action}, releasing any hold it set when it ends. */
  public static <T> T holding(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } finally {
      HELD.remove();
    }
  }

  public <R> R send(Object command) {
    if (Boolean.TRUE.equals(HELD.get())) {
      throw new HeldException();
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String username = auth == null ? "system" : auth.getName();
    Map<String, Object> metadata = new HashMap<>(AuditedCommands.of(username));
    metadata.put(AxonConfiguration.USERNAME, username);
    CommandMessage<?> message =
        GenericCommandMessage.asCommandMessage(command).andMetaData(metadata);
    positions.expect(message.getIdentifier());
    try {
      R result = gateway.sendAndWait(message);
      AuditedCommands.committed();
      answerPosition(message);
      return result;
    } catch (RuntimeException e) {
      // a domain error that crossed a distributed bus is the same domain error again
      throw vn.cpms.infra.axon.DomainErrors.unwrap(e);
    } finally {
      positions.forget(message.getIdentifier());
    }
  }
}
