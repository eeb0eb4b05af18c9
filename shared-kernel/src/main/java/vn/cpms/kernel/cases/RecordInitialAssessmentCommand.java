package vn.cpms.kernel.cases;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records the initial assessment of risk and the emergency measures taken (Decree 56/2017 art. 22).
 *
 * @param expectedVersion the case version the user saw ({@code If-Match}); {@code null} skips the
 *     check
 */
public record RecordInitialAssessmentCommand(
    @TargetAggregateIdentifier CaseId caseId,
    Instant assessedAt,
    RiskLevel riskLevel,
    String emergencyMeasures,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
