package vn.cpms.command.cases;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.EntityId;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.UnknownReferenceException;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.cases.AnswerReferralCommand;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReferredEvent;
import vn.cpms.kernel.cases.CompleteReferralCommand;
import vn.cpms.kernel.cases.ReferralAcceptedEvent;
import vn.cpms.kernel.cases.ReferralAnswerMissedEvent;
import vn.cpms.kernel.cases.ReferralCompletedEvent;
import vn.cpms.kernel.cases.ReferralDeclinedEvent;
import vn.cpms.kernel.referrals.ProviderId;
import vn.cpms.kernel.referrals.ReferralStatus;

/**
 * A referral of the case to a provider of the directory (an entity of {@link ChildCase}): sent,
 * then accepted and done, or declined with a reason. A provider's user answers only the referrals
 * made to their provider: any other is unknown to them.
 */
public class Referral {
  /** The metadata of a command sent by a provider's user: their provider's id. */
  public static final String PROVIDER = "provider";

  @EntityId private final UUID referralId;
  private final CaseId caseId;
  private final ProviderId providerId;
  private final Instant referredAt;
  private ReferralStatus status = ReferralStatus.SENT;
  private Instant answeredAt;
  private boolean answerMissed;

  Referral(CaseReferredEvent event) {
    this.referralId = event.referralId();
    this.caseId = event.caseId();
    this.providerId = event.providerId();
    this.referredAt = event.referredAt();
  }

  boolean unanswered() {
    return status == ReferralStatus.SENT && !answerMissed;
  }

  @CommandHandler
  long handle(
      AnswerReferralCommand command,
      Clock clock,
      @MetaDataValue(ChildCase.USERNAME) String username,
      @MetaDataValue(PROVIDER) String provider) {
    requireOwnProvider(provider);
    if (status != ReferralStatus.SENT) {
      throw new RuleViolationException("referral.answered");
    }
    Violations v = Violations.collect();
    ChildCase.checkTime(v, "answeredAt", command.answeredAt(), referredAt, clock);
    if (!command.accepted() && (command.reason() == null || command.reason().isBlank())) {
      v.add("reason", "required");
    }
    v.throwIfAny();
    if (command.accepted()) {
      apply(new ReferralAcceptedEvent(caseId, referralId, command.answeredAt(), username));
    } else {
      apply(
          new ReferralDeclinedEvent(
              caseId, referralId, command.answeredAt(), command.reason(), username));
    }
    return AggregateLifecycle.getVersion();
  }

  @CommandHandler
  long handle(
      CompleteReferralCommand command,
      Clock clock,
      @MetaDataValue(ChildCase.USERNAME) String username,
      @MetaDataValue(PROVIDER) String provider) {
    requireOwnProvider(provider);
    if (status != ReferralStatus.ACCEPTED) {
      throw new RuleViolationException(
          status == ReferralStatus.DONE ? "referral.done" : "referral.not-accepted");
    }
    Violations v = Violations.collect();
    ChildCase.checkDate(
        v, "completedOn", command.completedOn(), VietnamTime.dateOf(answeredAt), clock);
    if (command.outcome() == null || command.outcome().isBlank()) {
      v.add("outcome", "required");
    }
    v.throwIfAny();
    apply(
        new ReferralCompletedEvent(
            caseId, referralId, command.completedOn(), command.outcome(), username));
    return AggregateLifecycle.getVersion();
  }

  private void requireOwnProvider(String provider) {
    if (provider != null && !provider.equals(providerId.value().toString())) {
      throw new UnknownReferenceException("referral");
    }
  }

  /** The answer was due and has not come: the case's timeline says so, once. */
  void missAnswer(Instant dueAt) {
    if (unanswered()) {
      apply(new ReferralAnswerMissedEvent(caseId, referralId, dueAt));
    }
  }

  // A referral is a value of the case's state: equal when every field is (Axon's fixture compares
  // the state a command leaves with the state its events rebuild).
  @Override
  public boolean equals(Object other) {
    return other instanceof Referral r
        && referralId.equals(r.referralId)
        && caseId.equals(r.caseId)
        && providerId.equals(r.providerId)
        && referredAt.equals(r.referredAt)
        && status == r.status
        && java.util.Objects.equals(answeredAt, r.answeredAt)
        && answerMissed == r.answerMissed;
  }

  @Override
  public int hashCode() {
    return referralId.hashCode();
  }

  @EventSourcingHandler
  void on(ReferralAcceptedEvent event) {
    status = ReferralStatus.ACCEPTED;
    answeredAt = event.answeredAt();
  }

  @EventSourcingHandler
  void on(ReferralDeclinedEvent event) {
    status = ReferralStatus.DECLINED;
    answeredAt = event.answeredAt();
  }

  @EventSourcingHandler
  void on(ReferralCompletedEvent event) {
    status = ReferralStatus.DONE;
  }

  @EventSourcingHandler
  void on(ReferralAnswerMissedEvent event) {
    answerMissed = true;
  }
}
