package vn.cpms.kernel.children;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records that the child no longer belongs to the group from {@code endedOn}.
 *
 * @param expectedVersion the child's version the user saw ({@code If-Match}), or {@code null}
 */
public record EndSpecialCircumstanceCommand(
    @TargetAggregateIdentifier ChildId childId,
    SpecialCircumstance group,
    LocalDate endedOn,
    String reason,
    @TargetAggregateVersion Long expectedVersion) {}
