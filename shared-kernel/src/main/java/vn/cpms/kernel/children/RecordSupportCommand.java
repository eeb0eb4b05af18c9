package vn.cpms.kernel.children;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records care or assistance given to the child (special circumstances, disaster).
 *
 * @param expectedVersion the child's version the user saw ({@code If-Match}), or {@code null}
 */
public record RecordSupportCommand(
    @TargetAggregateIdentifier ChildId childId,
    String kind,
    LocalDate providedOn,
    Long amountVnd,
    String note,
    @TargetAggregateVersion Long expectedVersion) {}
