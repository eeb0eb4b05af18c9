package vn.cpms.kernel.area;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The area was merged into {@code successorCode} on {@code effectiveOn}. */
public record RecordAreaSuccessionCommand(
    @TargetAggregateIdentifier AreaCode code, AreaCode successorCode, LocalDate effectiveOn) {}
