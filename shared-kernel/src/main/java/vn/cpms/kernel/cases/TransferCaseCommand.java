package vn.cpms.kernel.cases;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.cpms.kernel.area.AreaCode;

/**
 * Transfers the case to another area, with the consent of the child or guardian recorded.
 *
 * @param expectedVersion the case version the user saw ({@code If-Match}); {@code null} skips the
 *     check
 */
public record TransferCaseCommand(
    @TargetAggregateIdentifier CaseId caseId,
    AreaCode toAreaCode,
    boolean consentRecorded,
    String reason,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
