package vn.cpms.kernel.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records that an intervention of the approved plan was carried out.
 *
 * @param expectedVersion the case version the user saw ({@code If-Match}); {@code null} skips the
 *     check
 */
public record CompleteInterventionCommand(
    @TargetAggregateIdentifier CaseId caseId,
    UUID interventionId,
    LocalDate completedOn,
    String outcome,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
