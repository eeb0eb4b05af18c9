package vn.cpms.infra.axon;

import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.Violation;

/**
 * Domain errors across a distributed command bus (issue 18): through Axon Server an exception does
 * not cross as its own class, only as a {@link CommandExecutionException} with serialized {@code
 * details}. On the handling side ({@link #wrapping}, profile {@code axonserver}) a domain error
 * becomes one whose details say what it was; on the sending side ({@link #unwrap}) it becomes the
 * domain error again, so a 422, 409 or 404 is the same answer on one node or through the bus.
 */
public final class DomainErrors {
  private DomainErrors() {}

  /** What a domain error was: its kind, and its violations or rule code with arguments. */
  public record Details(String kind, List<Violation> violations, String code, List<String> args) {
    static final String INVALID = "invalid-input";
    static final String RULE = "rule-violation";
    static final String NOT_FOUND = "not-found";
  }

  /** The details of {@code failure} when it is a domain error. */
  static Optional<Details> details(Throwable failure) {
    if (failure instanceof InvalidInputException invalid) {
      return Optional.of(new Details(Details.INVALID, invalid.violations(), null, List.of()));
    }
    if (failure instanceof RuleViolationException rule) {
      return Optional.of(
          new Details(
              Details.RULE,
              List.of(),
              rule.code(),
              rule.args().stream().map(String::valueOf).toList()));
    }
    if (failure instanceof AggregateNotFoundException notFound) {
      return Optional.of(
          new Details(Details.NOT_FOUND, List.of(), notFound.getMessage(), List.of()));
    }
    return Optional.empty();
  }

  /** The domain error a failure that crossed the bus stands for, or the failure itself. */
  public static RuntimeException unwrap(RuntimeException failure) {
    if (failure instanceof CommandExecutionException execution) {
      Optional<Object> details = execution.getDetails();
      if (details.isPresent() && details.get() instanceof Details d) {
        return switch (d.kind()) {
          case Details.INVALID -> new InvalidInputException(d.violations());
          case Details.RULE -> new RuleViolationException(d.code(), d.args().toArray());
          case Details.NOT_FOUND -> new AggregateNotFoundException(null, d.code());
          default -> failure;
        };
      }
    }
    return failure;
  }

  /**
   * The handler side: a domain error leaves as a {@link CommandExecutionException} with details.
   */
  public static MessageHandlerInterceptor<CommandMessage<?>> wrapping() {
    return new MessageHandlerInterceptor<>() {
      @Override
      public Object handle(
          UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
          throws Exception {
        try {
          return chain.proceed();
        } catch (RuntimeException e) {
          Optional<Details> details = details(e);
          if (details.isPresent()) {
            throw new CommandExecutionException(e.getMessage(), null, details.get());
          }
          throw e;
        }
      }
    };
  }
}
