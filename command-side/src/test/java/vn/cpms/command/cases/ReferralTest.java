package vn.cpms.command.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import vn.cpms.command.cases.CaseDeadlinePayloads.ReferralAnswerDue;
import vn.cpms.kernel.cases.AnswerReferralCommand;
import vn.cpms.kernel.cases.CaseReferredEvent;
import vn.cpms.kernel.cases.CompleteReferralCommand;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.ReferCaseCommand;
import vn.cpms.kernel.cases.ReferralAcceptedEvent;
import vn.cpms.kernel.cases.ReferralAnswerMissedEvent;
import vn.cpms.kernel.cases.ReferralCompletedEvent;
import vn.cpms.kernel.cases.ReferralDeclinedEvent;
import vn.cpms.kernel.referrals.ProviderId;

/**
 * Issue 20: a referral of the case to a provider walks sent → accepted → done or sent → declined,
 * needs the consent the law asks for, has an answer clock (12 hours for a child in serious danger),
 * and a provider's user answers only what was referred to their provider.
 */
class ReferralTest extends CaseFixture {
  static final Instant REFERRED_AT = Instant.parse("2026-11-22T04:00:00Z");
  final UUID referral = UUID.randomUUID();
  final ProviderId health = new ProviderId(UUID.randomUUID());

  ReferCaseCommand refer(boolean consent) {
    return new ReferCaseCommand(
        caseId,
        referral,
        health,
        InterventionType.MEDICAL,
        consent,
        "synthetic note",
        REFERRED_AT,
        null,
        null);
  }

  AnswerReferralCommand answer(boolean accepted, String reason) {
    return new AnswerReferralCommand(
        caseId, referral, accepted, reason, REFERRED_AT.plusSeconds(3600), null);
  }

  @Test
  void a_referral_is_sent_with_consent_accepted_and_done() {
    Instant due = REFERRED_AT.plus(CaseDeadlines.SERIOUS_DANGER_LIMIT);
    given(2)
        .when(refer(true))
        .expectEvents(
            new CaseReferredEvent(
                caseId,
                referral,
                health,
                InterventionType.MEDICAL,
                "synthetic note",
                REFERRED_AT,
                due))
        .expectScheduledDeadline(due, new ReferralAnswerDue(caseId, referral, due));
    fixture
        .givenCommands(upTo(2))
        .andGivenCommands(refer(true))
        .when(answer(true, null), Map.of("username", "health.user", "provider", health.toString()))
        .expectEvents(
            new ReferralAcceptedEvent(
                caseId, referral, REFERRED_AT.plusSeconds(3600), "health.user"));
    fixture
        .givenCommands(upTo(2))
        .andGivenCommands(refer(true), answer(true, null))
        .when(
            new CompleteReferralCommand(
                caseId, referral, LocalDate.of(2026, 11, 23), "treated", null))
        .expectEvents(
            new ReferralCompletedEvent(
                caseId, referral, LocalDate.of(2026, 11, 23), "treated", null));
  }

  @Test
  void a_referral_needs_consent_and_a_decline_needs_a_reason() {
    given(2)
        .when(refer(false))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("consentRecorded=consent-required"));
    fixture
        .givenCommands(upTo(2))
        .andGivenCommands(refer(true))
        .when(answer(false, " "))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("reason=required"));
    fixture
        .givenCommands(upTo(2))
        .andGivenCommands(refer(true))
        .when(answer(false, "no bed tonight"))
        .expectEvents(
            new ReferralDeclinedEvent(
                caseId, referral, REFERRED_AT.plusSeconds(3600), "no bed tonight", null));
  }

  @Test
  void another_provider_s_user_does_not_know_the_referral_and_done_needs_accepted() {
    fixture
        .givenCommands(upTo(2))
        .andGivenCommands(refer(true))
        .when(answer(true, null), Map.of("provider", UUID.randomUUID().toString()))
        .expectNoEvents()
        .expectException(vn.cpms.kernel.UnknownReferenceException.class);
    fixture
        .givenCommands(upTo(2))
        .andGivenCommands(refer(true))
        .when(
            new CompleteReferralCommand(
                caseId, referral, LocalDate.of(2026, 11, 23), "treated", null))
        .expectNoEvents()
        .expectExceptionMessage("referral.not-accepted");
  }

  @Test
  void an_unanswered_referral_is_marked_when_its_answer_is_due() {
    Instant due = REFERRED_AT.plus(CaseDeadlines.SERIOUS_DANGER_LIMIT);
    fixture
        .givenCommands(upTo(3))
        .andGivenCommands(refer(true))
        .whenTimeAdvancesTo(due.plusSeconds(1))
        .expectEvents(new ReferralAnswerMissedEvent(caseId, referral, due));
    fixture
        .givenCommands(upTo(3))
        .andGivenCommands(refer(true), answer(true, null))
        .whenTimeAdvancesTo(due.plusSeconds(1))
        .expectNoEvents();
  }

  @Test
  void a_referral_carries_out_an_intervention_of_the_plan_and_only_one_of_it() {
    ReferCaseCommand medical =
        new ReferCaseCommand(
            caseId,
            referral,
            health,
            InterventionType.MEDICAL,
            true,
            null,
            APPROVED_AT,
            MEDICAL,
            null);
    fixture
        .givenCommands(upTo(6))
        .when(medical)
        .expectSuccessfulHandlerExecution()
        .expectEventsMatching(
            org.axonframework.test.matchers.Matchers.payloadsMatching(
                org.axonframework.test.matchers.Matchers.exactSequenceOf(
                    org.axonframework.test.matchers.Matchers.predicate(
                        e ->
                            e instanceof CaseReferredEvent r && MEDICAL.equals(r.interventionId())),
                    org.axonframework.test.matchers.Matchers.andNoMore())));
    given(6)
        .when(
            new ReferCaseCommand(
                caseId,
                referral,
                health,
                InterventionType.MEDICAL,
                true,
                null,
                APPROVED_AT,
                UUID.randomUUID(),
                null))
        .expectNoEvents()
        .expectExceptionMessage(Matchers.containsString("interventionId=unknown-intervention"));
  }
}
