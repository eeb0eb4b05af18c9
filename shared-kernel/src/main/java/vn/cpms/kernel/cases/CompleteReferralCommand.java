package vn.cpms.kernel.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The provider reports the service of an accepted referral done, with its outcome. */
public record CompleteReferralCommand(
    @TargetAggregateIdentifier CaseId caseId,
    UUID referralId,
    LocalDate completedOn,
    String outcome,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
