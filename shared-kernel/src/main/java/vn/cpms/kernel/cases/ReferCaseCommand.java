package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.cpms.kernel.referrals.ProviderId;

/**
 * A worker refers the child's case to a provider of the directory for a service.
 *
 * @param consentRecorded the child's or the carer's consent is recorded (as for a transfer)
 * @param note what the provider should know (personal data)
 * @param interventionId the plan's intervention this referral carries out, if any
 */
public record ReferCaseCommand(
    @TargetAggregateIdentifier CaseId caseId,
    UUID referralId,
    ProviderId providerId,
    InterventionType service,
    boolean consentRecorded,
    String note,
    Instant referredAt,
    UUID interventionId,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
