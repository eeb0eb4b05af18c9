package vn.cpms.kernel.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records the legal handling of a person suspected of the abuse, on a date. */
public record RecordLegalOutcomeCommand(
    @TargetAggregateIdentifier CaseId caseId,
    UUID abuserId,
    LegalOutcome outcome,
    LocalDate on,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
