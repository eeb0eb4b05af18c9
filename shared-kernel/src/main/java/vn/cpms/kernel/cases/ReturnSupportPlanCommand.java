package vn.cpms.kernel.cases;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A supervisor sends the submitted plan back to the worker with what to change, instead of
 * approving it.
 *
 * @param comment what the worker should change (required)
 * @param expectedVersion the case version the user saw ({@code If-Match}); {@code null} skips the
 *     check
 */
public record ReturnSupportPlanCommand(
    @TargetAggregateIdentifier CaseId caseId,
    Instant returnedAt,
    String comment,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
