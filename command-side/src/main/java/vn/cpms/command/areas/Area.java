package vn.cpms.command.areas;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaDefinedEvent;
import vn.cpms.kernel.area.AreaLevel;
import vn.cpms.kernel.area.AreaSucceededEvent;

/** An administrative area (province, district, commune) of the official registry. */
@Aggregate
public class Area {
  @AggregateIdentifier private AreaCode code;
  private String name;
  private AreaLevel level;
  private AreaCode parentCode;
  private AreaCode successorCode;

  protected Area() {
    // for Axon: state is rebuilt from events
  }

  Area(AreaCode code, String name, AreaLevel level, AreaCode parentCode) {
    apply(new AreaDefinedEvent(code, name, level, parentCode));
  }

  /** Applies a new definition; the same definition again changes nothing. */
  void define(String name, AreaLevel level, AreaCode parentCode) {
    if (level != this.level) {
      throw new RuleViolationException("area.level-fixed", code.value());
    }
    if (!name.equals(this.name) || !Objects.equals(parentCode, this.parentCode)) {
      apply(new AreaDefinedEvent(code, name, level, parentCode));
    }
  }

  void succeed(AreaCode successor, LocalDate effectiveOn) {
    if (successorCode != null) {
      if (successorCode.equals(successor)) {
        return;
      }
      throw new RuleViolationException("area.already-succeeded", code.value());
    }
    apply(new AreaSucceededEvent(code, successor, effectiveOn));
  }

  AreaLevel level() {
    return level;
  }

  AreaCode successorCode() {
    return successorCode;
  }

  @EventSourcingHandler
  void on(AreaDefinedEvent event) {
    this.code = event.code();
    this.name = event.name();
    this.level = event.level();
    this.parentCode = event.parentCode();
  }

  @EventSourcingHandler
  void on(AreaSucceededEvent event) {
    this.successorCode = event.successorCode();
  }
}
