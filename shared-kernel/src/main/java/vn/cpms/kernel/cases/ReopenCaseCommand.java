package vn.cpms.kernel.cases;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Reopens a closed case.
 *
 * @param expectedVersion the case version the user saw ({@code If-Match}); {@code null} skips the
 *     check
 */
public record ReopenCaseCommand(
    @TargetAggregateIdentifier CaseId caseId,
    LocalDate reopenedOn,
    String reason,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
