package vn.cpms.kernel.cases;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Closes support for the case.
 *
 * @param expectedVersion the case version the user saw ({@code If-Match}); {@code null} skips the
 *     check
 */
public record CloseCaseCommand(
    @TargetAggregateIdentifier CaseId caseId,
    LocalDate closedOn,
    ClosureReason reason,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
