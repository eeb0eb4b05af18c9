package vn.cpms.command.registers;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.registers.FundEntryKind;
import vn.cpms.kernel.registers.FundEntryRecordedEvent;
import vn.cpms.kernel.registers.RecordFundEntryCommand;

/**
 * An area's child protection fund (Quỹ Bảo trợ trẻ em): its contributions and disbursements. An
 * entry is recorded once; the same entry again changes nothing, another entry with its id is
 * refused.
 */
@Aggregate
public class ChildProtectionFund {
  static final int TEXT_MAX = 200;

  @AggregateIdentifier private String fundId;
  private final Map<UUID, FundEntryRecordedEvent> entries = new HashMap<>();

  protected ChildProtectionFund() {
    // for Axon: state is rebuilt from events
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RecordFundEntryCommand command) {
    Violations v = Violations.collect();
    if (command.amountVnd() <= 0) {
      v.add("amountVnd", "out-of-range", 1, Long.MAX_VALUE);
    }
    if (command.on() == null) {
      v.add("on", "required");
    }
    String text = command.kind() == FundEntryKind.CONTRIBUTION ? "source" : "purpose";
    String given =
        command.kind() == FundEntryKind.CONTRIBUTION ? command.source() : command.purpose();
    if (given == null || given.isBlank()) {
      v.add(text, "required");
    }
    for (String[] field :
        new String[][] {{"source", command.source()}, {"purpose", command.purpose()}}) {
      if (field[1] != null && field[1].strip().length() > TEXT_MAX) {
        v.add(field[0], "too-long", TEXT_MAX);
      }
    }
    v.throwIfAny();
    FundEntryRecordedEvent event =
        new FundEntryRecordedEvent(
            command.areaCode(),
            command.entryId(),
            command.kind(),
            command.amountVnd(),
            command.on(),
            strip(command.source()),
            strip(command.purpose()));
    FundEntryRecordedEvent earlier = entries.get(command.entryId());
    if (earlier != null) {
      if (!earlier.equals(event)) {
        throw new RuleViolationException("fund.entry-id-reused", command.entryId());
      }
      return;
    }
    apply(event);
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  @EventSourcingHandler
  void on(FundEntryRecordedEvent event) {
    this.fundId = "fund:" + event.areaCode();
    entries.put(event.entryId(), event);
  }
}
