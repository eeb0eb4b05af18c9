package vn.cpms.kernel.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Assigns the case to a protection worker ({@code POST /cases/{id}/assignment}).
 *
 * @param expectedVersion the case version the user saw ({@code If-Match}); {@code null} skips the
 *     check
 */
public record AssignCaseCommand(
    @TargetAggregateIdentifier CaseId caseId,
    String workerUsername,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
