package vn.cpms.kernel.cases;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A supervisor approves the submitted plan.
 *
 * @param expectedVersion the case version the user saw ({@code If-Match}); {@code null} skips the
 *     check
 */
public record ApproveSupportPlanCommand(
    @TargetAggregateIdentifier CaseId caseId,
    Instant approvedAt,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
