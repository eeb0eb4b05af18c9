package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The provider (or the worker on its behalf) takes the referred child in, or declines with a
 * reason.
 */
public record AnswerReferralCommand(
    @TargetAggregateIdentifier CaseId caseId,
    UUID referralId,
    boolean accepted,
    String reason,
    Instant answeredAt,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
