package vn.cpms.kernel.children;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records that the child belongs to a special-circumstance group from {@code identifiedOn}.
 *
 * @param expectedVersion the child's version the user saw ({@code If-Match}), or {@code null}
 */
public record IdentifySpecialCircumstanceCommand(
    @TargetAggregateIdentifier ChildId childId,
    SpecialCircumstance group,
    LocalDate identifiedOn,
    @TargetAggregateVersion Long expectedVersion) {}
