package vn.cpms.infra.axon;

import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;
import vn.cpms.query.jdbc.BatchedWrites;
import vn.cpms.query.jdbc.ProjectionWrites;
import vn.cpms.query.jdbc.RefusedWrite;

/**
 * Runs each projection event handler inside a savepoint of the batch's transaction. In PostgreSQL
 * one failed statement aborts the whole transaction; without a savepoint, a poison event would
 * leave the dead-letter queue unable to park it in that same transaction, and the projection would
 * retry the batch forever instead of parking the event and going on. Only handlers of processing
 * groups (the query side's projections) are wrapped: aggregates' event sourcing handlers are not.
 *
 * <p>A projection that queues its writes in {@link BatchedWrites} sends nothing from its handlers:
 * there a failed handler's queued writes are dropped instead (no round trip), and the batch is
 * marked so that, should PostgreSQL refuse a write when the batch is sent, its retry runs each
 * handler here in a savepoint again.
 */
final class ProjectionSavepoints implements HandlerEnhancerDefinition {
  /**
   * Looked up once, on first use (this definition is made before the beans it needs): an {@code
   * ObjectProvider} resolves the dependency again on every call, a few percent of a replay's CPU
   * when done per event.
   */
  private final Supplier<TransactionTemplate> nested;

  private final Supplier<ProjectionWrites> projectionWrites;

  ProjectionSavepoints(
      ObjectProvider<PlatformTransactionManager> transactionManager,
      ObjectProvider<ProjectionWrites> projectionWrites) {
    this.nested =
        SingletonSupplier.of(
            () -> {
              TransactionTemplate template =
                  new TransactionTemplate(transactionManager.getObject());
              template.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
              return template;
            });
    this.projectionWrites = SingletonSupplier.of(projectionWrites::getObject);
  }

  @Override
  public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
    boolean projection =
        original.canHandleMessageType(EventMessage.class)
            && original.annotationAttributes(EventHandler.class).isPresent()
            && original.declaringClass().isAnnotationPresent(ProcessingGroup.class);
    if (!projection) {
      return original;
    }
    String group = original.declaringClass().getAnnotation(ProcessingGroup.class).value();
    return new WrappedMessageHandlingMember<>(original) {
      @Override
      public Object handle(Message<?> message, T target) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
          return super.handle(message, target);
        }
        BatchedWrites writes = projectionWrites.get().find(group).orElse(null);
        if (writes != null && writes.deferring()) {
          int mark = writes.mark();
          try {
            return super.handle(message, target);
          } catch (RuntimeException e) {
            writes.discardSince(mark);
            writes.failed(); // a failed read may have aborted the transaction
            throw RefusedWrite.of(group, e);
          } catch (Exception e) {
            writes.discardSince(mark);
            writes.failed();
            throw e;
          }
        }
        try {
          return nested
              .get()
              .execute(
                  status -> {
                    try {
                      return super.handle(message, target);
                    } catch (RuntimeException e) {
                      throw e;
                    } catch (Exception e) {
                      throw new Checked(e);
                    }
                  });
        } catch (Checked e) {
          throw (Exception) e.getCause();
        } catch (RuntimeException e) {
          throw RefusedWrite.of(group, e); // never the refused row's values in a log
        }
      }
    };
  }

  /** Carries a checked exception through the transaction template. */
  private static final class Checked extends RuntimeException {
    Checked(Exception cause) {
      super(cause);
    }
  }
}
