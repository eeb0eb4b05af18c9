package vn.cpms.command.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.cpms.kernel.cases.CaseId;

/** What a scheduled legal deadline carries; stored by the deadline manager until it fires. */
public final class CaseDeadlinePayloads {
  static final String INITIAL_ASSESSMENT = "initial-assessment";
  static final String SUPPORT_PLAN = "support-plan";
  static final String INTERVENTION = "intervention";
  static final String REFERRAL_ANSWER = "referral-answer";

  private CaseDeadlinePayloads() {}

  /** The initial assessment is due at {@code dueAt}. */
  public record InitialAssessmentDue(CaseId caseId, Instant dueAt) {}

  /** The support plan is due at {@code dueAt}. */
  public record SupportPlanDue(CaseId caseId, Instant dueAt) {}

  /** The provider's answer to referral {@code referralId} is due at {@code dueAt}. */
  public record ReferralAnswerDue(CaseId caseId, UUID referralId, Instant dueAt) {}

  /** Intervention {@code interventionId} is due by the end of {@code dueOn}. */
  public record InterventionDue(CaseId caseId, UUID interventionId, LocalDate dueOn) {}
}
