package vn.cpms.command.alerts;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.kernel.alerts.AcknowledgeDeathAlertCommand;
import vn.cpms.kernel.alerts.DeathAlertAcknowledgedEvent;

/**
 * Who has taken note of a child's death alert: each supervisor once. The alert itself is raised by
 * the read model from the case or incident that reports the death.
 */
@Aggregate
public class DeathAlert {
  @AggregateIdentifier private UUID alertId;
  private final Set<String> acknowledgedBy = new HashSet<>();

  protected DeathAlert() {
    // for Axon: state is rebuilt from events
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(AcknowledgeDeathAlertCommand command, @MetaDataValue("username") String username) {
    if (username == null || acknowledgedBy.contains(username)) {
      return;
    }
    apply(new DeathAlertAcknowledgedEvent(command.alertId(), username));
  }

  @EventSourcingHandler
  void on(DeathAlertAcknowledgedEvent event) {
    this.alertId = event.alertId();
    acknowledgedBy.add(event.username());
  }
}
