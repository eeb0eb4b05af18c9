package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Submits (or, before approval, replaces) the support and intervention plan.
 *
 * @param expectedVersion the case version the user saw ({@code If-Match}); {@code null} skips the
 *     check
 */
public record SubmitSupportPlanCommand(
    @TargetAggregateIdentifier CaseId caseId,
    Instant submittedAt,
    String goals,
    List<Intervention> interventions,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
