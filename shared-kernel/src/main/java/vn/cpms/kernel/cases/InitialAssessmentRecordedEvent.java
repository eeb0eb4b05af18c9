package vn.cpms.kernel.cases;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The initial assessment was recorded; the support plan is now due.
 *
 * @param onTime recorded by the initial-assessment deadline
 * @param planDueAt end of the configured number of working days after {@code assessedAt}
 */
@Revision("1")
public record InitialAssessmentRecordedEvent(
    CaseId caseId,
    Instant assessedAt,
    RiskLevel riskLevel,
    @vn.cpms.kernel.privacy.PersonalData String emergencyMeasures,
    boolean onTime,
    Instant planDueAt)
    implements CaseEvent {}
