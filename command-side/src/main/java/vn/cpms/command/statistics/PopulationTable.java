package vn.cpms.command.statistics;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.children.ChildAge;
import vn.cpms.kernel.statistics.PopulationRecordedEvent;
import vn.cpms.kernel.statistics.PopulationRow;
import vn.cpms.kernel.statistics.RecordPopulationCommand;

/** The child population of one area for one year (the denominators of the rates). */
@Aggregate
public class PopulationTable {
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  @AggregateIdentifier private String tableId;
  private List<PopulationRow> rows;

  protected PopulationTable() {
    // for Axon: state is rebuilt from events
  }

  /** Replaces the year's figures; the same figures again change nothing. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RecordPopulationCommand command) {
    Violations violations = Violations.collect();
    if (command.year() < FIRST_YEAR || command.year() > LAST_YEAR) {
      violations.add("year", "out-of-range", FIRST_YEAR, LAST_YEAR);
    }
    if (command.rows().isEmpty()) {
      violations.add("rows", "required");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < command.rows().size(); i++) {
      PopulationRow row = command.rows().get(i);
      String field = "rows[" + i + "]";
      if (row.sex() == null) {
        violations.add(field + ".sex", "required");
      }
      if (row.age() < 0 || row.age() > ChildAge.MAX_REGISTERED_AGE) {
        violations.add(field + ".age", "out-of-range", 0, ChildAge.MAX_REGISTERED_AGE);
      }
      if (row.count() < 0) {
        violations.add(field + ".count", "out-of-range", 0, Long.MAX_VALUE);
      }
      if (!seen.add(row.sex() + "/" + row.age())) {
        violations.add(field, "duplicate");
      }
    }
    violations.throwIfAny();
    if (!command.rows().equals(rows)) {
      apply(new PopulationRecordedEvent(command.areaCode(), command.year(), command.rows()));
    }
  }

  @EventSourcingHandler
  void on(PopulationRecordedEvent event) {
    this.tableId = event.areaCode() + ":" + event.year();
    this.rows = event.rows();
  }
}
