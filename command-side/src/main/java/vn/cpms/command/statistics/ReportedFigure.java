package vn.cpms.command.statistics;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.statistics.FigureRecordedEvent;
import vn.cpms.kernel.statistics.RecordFigureCommand;

/** A figure reported by another sector (or a survey) for one plan's indicator, area and year. */
@Aggregate
public class ReportedFigure {
  @AggregateIdentifier private String figureId;
  private FigureRecordedEvent current;

  protected ReportedFigure() {
    // for Axon: state is rebuilt from events
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RecordFigureCommand command) {
    Violations violations = Violations.collect();
    boolean ratio = command.numerator() != null || command.denominator() != null;
    if (ratio && command.value() != null) {
      violations.add("value", "value-or-ratio");
    } else if (ratio) {
      if (command.numerator() == null || command.numerator() < 0) {
        violations.add("numerator", "required");
      }
      if (command.denominator() == null || command.denominator() <= 0) {
        violations.add("denominator", "out-of-range", 1, Long.MAX_VALUE);
      }
    } else if (command.value() == null) {
      violations.add("value", "value-or-ratio");
    }
    if (command.indicatorCode() == null || command.indicatorCode().isBlank()) {
      violations.add("indicatorCode", "required");
    }
    violations.throwIfAny();
    FigureRecordedEvent event =
        new FigureRecordedEvent(
            command.areaCode(),
            command.year(),
            command.indicatorCode(),
            command.numerator(),
            command.denominator(),
            command.value(),
            command.planId());
    if (!event.equals(current)) {
      apply(event);
    }
  }

  @EventSourcingHandler
  void on(FigureRecordedEvent event) {
    this.figureId =
        RecordFigureCommand.figureId(
            event.areaCode(), event.year(), event.planId(), event.indicatorCode());
    this.current = event;
  }
}
