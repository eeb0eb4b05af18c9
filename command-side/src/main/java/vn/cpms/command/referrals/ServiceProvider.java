package vn.cpms.command.referrals;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.referrals.DefineProviderCommand;
import vn.cpms.kernel.referrals.ProviderDefinedEvent;
import vn.cpms.kernel.referrals.ProviderId;
import vn.cpms.kernel.referrals.ProviderType;

/**
 * A provider of the service directory (issue 20): a health station, a social work centre, a school,
 * a police post, legal aid, a shelter, an organisation; its type, the areas it serves and a contact
 * point. Defining it again with the same entry changes nothing.
 */
@Aggregate
public class ServiceProvider {
  @AggregateIdentifier private ProviderId providerId;
  private String name;
  private ProviderType type;
  private Set<AreaCode> areas;
  private String contactPoint;

  protected ServiceProvider() {
    // for Axon: state is rebuilt from events
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(DefineProviderCommand command) {
    Violations v = Violations.collect();
    if (command.name() == null || command.name().isBlank()) {
      v.add("name", "required");
    }
    if (command.type() == null) {
      v.add("type", "required");
    }
    if (command.areaCodes() == null || command.areaCodes().isEmpty()) {
      v.add("areaCodes", "required");
    }
    v.throwIfAny();
    String newName = command.name().strip();
    if (providerId != null
        && newName.equals(name)
        && command.type() == type
        && Set.copyOf(command.areaCodes()).equals(areas)
        && Objects.equals(command.contactPoint(), contactPoint)) {
      return;
    }
    apply(
        new ProviderDefinedEvent(
            command.providerId(),
            newName,
            command.type(),
            Set.copyOf(command.areaCodes()),
            command.contactPoint()));
  }

  @EventSourcingHandler
  void on(ProviderDefinedEvent event) {
    this.providerId = event.providerId();
    this.name = event.name();
    this.type = event.type();
    this.areas = event.areaCodes();
    this.contactPoint = event.contactPoint();
  }
}
