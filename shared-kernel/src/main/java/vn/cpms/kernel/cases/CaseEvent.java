package vn.cpms.kernel.cases;

/** The events of a case's stream, in the order of the Decree 56/2017 procedure. */
public sealed interface CaseEvent extends vn.cpms.kernel.privacy.DataSubject
    permits CaseReportedEvent,
        CaseAssignedEvent,
        InitialAssessmentRecordedEvent,
        CaseAssessedEvent,
        SupportPlanSubmittedEvent,
        SupportPlanApprovedEvent,
        SupportPlanReturnedEvent,
        InterventionCompletedEvent,
        CaseTransferredEvent,
        CaseClosedEvent,
        CaseReopenedEvent,
        InitialAssessmentDeadlineMissedEvent,
        SupportPlanDeadlineMissedEvent,
        InterventionDeadlineMissedEvent,
        CaseReferredEvent,
        ReferralAcceptedEvent,
        ReferralDeclinedEvent,
        ReferralCompletedEvent,
        ReferralAnswerMissedEvent,
        CaseNoteRecordedEvent,
        AbuserRecordedEvent,
        LegalOutcomeRecordedEvent {
  CaseId caseId();

  @Override
  default java.util.UUID dataSubject() {
    return caseId().value();
  }
}
