package vn.cpms.infra.web;

import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.cpms.infra.axon.AxonConfiguration;

/**
 * Sends a command on behalf of the signed-in user and waits until its events are committed: the
 * user's name travels as metadata onto every event the command causes (the "who" of the timeline).
 */
@Component
public class CommandSender {
  private final CommandGateway gateway;

  public CommandSender(CommandGateway gateway) {
    this.gateway = gateway;
  }

  /**
   * Sends a command on an existing resource and answers {@code 200} with the resource's new version
   * (the handler's result) in the body and the {@code ETag}.
   */
  public ResponseEntity<Updated> update(UUID id, Object command) {
    long version = send(command);
    return ResponseEntity.ok().eTag(IfMatch.etag(version)).body(new Updated(id, version));
  }

  /** The answer to a command on an existing resource: its id and new version. */
  public record Updated(UUID id, long version) {}

  public <R> R send(Object command) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String username = auth == null ? "system" : auth.getName();
    CommandMessage<?> message =
        GenericCommandMessage.asCommandMessage(command)
            .andMetaData(Map.of(AxonConfiguration.USERNAME, username));
    return gateway.sendAndWait(message);
  }
}
