package vn.cpms.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.Violation;

/** Issue 18: a domain error crosses a distributed command bus as the same error. */
class DomainErrorsTest {
  final Serializer messages =
      JacksonSerializer.builder().objectMapper(vn.cpms.infra.axon.EventJson.objectMapper()).build();

  /** What Axon Server does with a failure: its message and its details, serialized. */
  RuntimeException acrossTheBus(RuntimeException thrown) {
    CommandExecutionException wrapped = handled(thrown);
    Object details = wrapped.getDetails().orElseThrow();
    SerializedObject<byte[]> sent = messages.serialize(details, byte[].class);
    Object received = messages.deserialize(sent);
    return DomainErrors.unwrap(new CommandExecutionException(wrapped.getMessage(), null, received));
  }

  CommandExecutionException handled(RuntimeException thrown) {
    DefaultUnitOfWork<?> unit =
        DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("command"));
    try {
      DomainErrors.wrapping()
          .handle(
              (org.axonframework.messaging.unitofwork.UnitOfWork) unit,
              () -> {
                throw thrown;
              });
      throw new AssertionError("the handler's failure is thrown");
    } catch (CommandExecutionException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      unit.rollback();
    }
  }

  @Test
  void invalid_input_keeps_its_violations() {
    RuntimeException received =
        acrossTheBus(
            new InvalidInputException(
                List.of(
                    Violation.of("child.birthDate", "future-date"), Violation.of("x", "y", 3))));
    assertThat(received).isInstanceOf(InvalidInputException.class);
    assertThat(((InvalidInputException) received).violations())
        .extracting(Violation::field, Violation::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("child.birthDate", "future-date"),
            org.assertj.core.groups.Tuple.tuple("x", "y"));
  }

  @Test
  void a_rule_violation_keeps_its_code() {
    RuntimeException received = acrossTheBus(new RuleViolationException("child.erased"));
    assertThat(received).isInstanceOf(RuleViolationException.class);
    assertThat(((RuleViolationException) received).code()).isEqualTo("child.erased");
  }

  @Test
  void any_other_failure_is_left_as_it_is() {
    IllegalStateException other = new IllegalStateException("boom");
    assertThatThrownBy(() -> handled(other)).isInstanceOf(AssertionError.class);
    assertThat(DomainErrors.unwrap(other)).isSameAs(other);
  }
}
