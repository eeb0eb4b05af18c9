package vn.cpms.command.registers;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.registers.ChildFriendlyStatusRecordedEvent;
import vn.cpms.kernel.registers.RecordChildFriendlyStatusCommand;

/**
 * A commune's child-friendly status for one year: recognised or not, by which decision. Recording
 * the same again changes nothing; a correction replaces it.
 */
@Aggregate
public class ChildFriendlyStatus {
  static final int DECISION_NUMBER_MAX = 60;

  @AggregateIdentifier private String statusId;
  private ChildFriendlyStatusRecordedEvent current;

  protected ChildFriendlyStatus() {
    // for Axon: state is rebuilt from events
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RecordChildFriendlyStatusCommand command) {
    Violations v = Violations.collect();
    String decision = command.decisionNumber() == null ? null : command.decisionNumber().strip();
    if (command.childFriendly() && (decision == null || decision.isEmpty())) {
      v.add("decisionNumber", "required");
    }
    if (command.childFriendly() && command.decidedOn() == null) {
      v.add("decidedOn", "required");
    }
    if (decision != null && decision.length() > DECISION_NUMBER_MAX) {
      v.add("decisionNumber", "too-long", DECISION_NUMBER_MAX);
    }
    if (command.decidedOn() != null && command.decidedOn().getYear() > command.year()) {
      v.add("decidedOn", "out-of-range", "…", command.year() + "-12-31");
    }
    v.throwIfAny();
    ChildFriendlyStatusRecordedEvent event =
        new ChildFriendlyStatusRecordedEvent(
            command.communeCode(),
            command.year(),
            command.childFriendly(),
            decision == null || decision.isEmpty() ? null : decision,
            command.decidedOn());
    if (!event.equals(current)) {
      apply(event);
    }
  }

  @EventSourcingHandler
  void on(ChildFriendlyStatusRecordedEvent event) {
    this.statusId = "child-friendly:" + event.communeCode() + ":" + event.year();
    this.current = event;
  }
}
