package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records the detailed assessment: abuse confirmed or not, the confirmed forms, the child's needs.
 * {@code confirmedForms} is non-empty exactly when {@code abuseConfirmed}.
 *
 * @param expectedVersion the case version the user saw ({@code If-Match}); {@code null} skips the
 *     check
 */
public record RecordAssessmentCommand(
    @TargetAggregateIdentifier CaseId caseId,
    Instant assessedAt,
    boolean abuseConfirmed,
    Set<AbuseForm> confirmedForms,
    String needs,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
