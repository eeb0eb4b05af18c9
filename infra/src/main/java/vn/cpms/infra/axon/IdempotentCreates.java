package vn.cpms.infra.axon;

import java.util.Map;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import vn.cpms.command.CreateConflict;

/**
 * The command gateway, with Axon's retries ({@link ConflictRetry}), that sends a create refused
 * because its aggregate's stream exists once more, marked {@link CreateConflict#EXISTING}: its
 * handler, which read nothing the first time, then reads the stored aggregate and answers the first
 * result (issue 21). Every way of sending (send, sendAndWait) goes through {@link #send(Object,
 * CommandCallback)}.
 */
public class IdempotentCreates extends DefaultCommandGateway {
  IdempotentCreates(DefaultCommandGateway.Builder builder) {
    super(builder);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
    CommandCallback<Object, Object> answer = (CommandCallback) callback;
    super.send(
        command,
        (CommandCallback<C, R>)
            (sent, result) -> {
              if (result.isExceptional()
                  && result.exceptionResult() instanceof AggregateStreamCreationException
                  && !CreateConflict.existing(sent.getMetaData())) {
                CommandMessage<?> again =
                    sent.andMetaData(Map.of(CreateConflict.EXISTING, Boolean.TRUE));
                super.send(again, answer);
              } else {
                answer.onResult(
                    (CommandMessage) sent,
                    (org.axonframework.commandhandling.CommandResultMessage) result);
              }
            });
  }
}
