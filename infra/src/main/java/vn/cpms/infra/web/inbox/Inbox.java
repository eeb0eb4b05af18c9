package vn.cpms.infra.web.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import vn.cpms.infra.security.CpmsUser;
import vn.cpms.infra.security.Role;
import vn.cpms.infra.web.cases.CaseResource;
import vn.cpms.infra.web.cases.CaseService;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.referrals.FindCaseReferralsQuery;
import vn.cpms.kernel.referrals.ReferralStatus;
import vn.cpms.kernel.referrals.ReferralView;

/**
 * What needs the signed-in worker or supervisor now (issue 20), computed from the read models (so
 * it is right after a rebuild): a legal clock of their cases running out (the 12-hour clock two
 * hours before, the others a day before) or run out; a case of their areas nobody handles yet (one
 * transferred in among them); a referral of their cases answered in the last week or unanswered in
 * time; for a supervisor, a plan waiting for approval and a child's death they have not yet
 * acknowledged (a case closed as deceased, a fatal incident).
 */
@Service
public class Inbox {
  static final Duration TWELVE_HOUR_WARNING = Duration.ofHours(2);
  static final Duration DAY_WARNING = Duration.ofDays(1);
  static final Duration ANSWERED_RECENTLY = Duration.ofDays(7);
  static final int LIMIT = 200;

  private final CaseService cases;
  private final QueryGateway queries;
  private final Clock clock;
  private final vn.cpms.infra.web.alerts.DeathAlertService deathAlerts;

  public Inbox(
      CaseService cases,
      QueryGateway queries,
      Clock clock,
      vn.cpms.infra.web.alerts.DeathAlertService deathAlerts) {
    this.cases = cases;
    this.queries = queries;
    this.clock = clock;
    this.deathAlerts = deathAlerts;
  }

  /**
   * One thing to do.
   *
   * @param kind {@code CLOCK_INITIAL}, {@code CLOCK_PLAN}, {@code UNASSIGNED}, {@code
   *     TRANSFERRED_IN}, {@code REFERRAL_ANSWERED}, {@code REFERRAL_OVERDUE}, {@code
   *     PLAN_TO_APPROVE}, {@code DEATH}
   * @param overdue the clock has run out (or the answer is late)
   */
  public record Item(
      String kind, UUID caseId, String caseNumber, OffsetDateTime at, boolean overdue) {}

  public List<Item> mine() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof CpmsUser user)) {
      return List.of();
    }
    Set<Role> roles = user.account().roles();
    boolean worker = roles.contains(Role.CASE_WORKER);
    boolean supervisor = roles.contains(Role.SUPERVISOR) || roles.contains(Role.ADMIN);
    if (!worker && !supervisor) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Item> items = new ArrayList<>();
    List<CaseResource> own =
        worker
            ? cases.list(null, null, user.getUsername(), null, 0, LIMIT).content().stream()
                .filter(c -> !"CLOSED".equals(c.status()))
                .toList()
            : List.of();
    for (CaseResource c : own) {
      clock(c, now).ifPresent(items::add);
    }
    for (CaseResource c : cases.list(null, "REPORTED", null, null, 0, LIMIT).content()) {
      if (c.assignee() == null) {
        boolean transferred = !c.areaCode().equals(c.reportedAreaCode());
        items.add(item(transferred ? "TRANSFERRED_IN" : "UNASSIGNED", c, c.reportedAt(), false));
      }
    }
    referrals(own, now, items);
    if (supervisor) {
      for (CaseResource c : cases.list(null, "PLAN_SUBMITTED", null, null, 0, LIMIT).content()) {
        items.add(item("PLAN_TO_APPROVE", c, c.planSubmittedAt(), c.overdue().plan()));
      }
      for (vn.cpms.kernel.alerts.DeathAlertView a : deathAlerts.open()) {
        items.add(
            new Item(
                "DEATH",
                a.caseId(),
                a.caseId() == null ? null : CaseId.number(a.caseId()),
                a.raisedAt().atZone(vn.cpms.kernel.VietnamTime.ZONE).toOffsetDateTime(),
                true));
      }
    }
    items.sort(
        Comparator.comparing(Item::overdue)
            .reversed()
            .thenComparing(i -> "DEATH".equals(i.kind()) ? 0 : 1)
            .thenComparing(i -> i.at() == null ? OffsetDateTime.MAX : i.at()));
    return items;
  }

  /** The clock of the case's current step, when it runs out soon or has. */
  private java.util.Optional<Item> clock(CaseResource c, Instant now) {
    if (("REPORTED".equals(c.status()) || "ASSIGNED".equals(c.status()))
        && c.initialAssessmentDueAt() != null) {
      Duration warning = c.seriousDanger() ? TWELVE_HOUR_WARNING : DAY_WARNING;
      Instant due = c.initialAssessmentDueAt().toInstant();
      if (now.isAfter(due.minus(warning))) {
        return java.util.Optional.of(
            item("CLOCK_INITIAL", c, c.initialAssessmentDueAt(), c.overdue().initialAssessment()));
      }
    }
    if (("INITIALLY_ASSESSED".equals(c.status()) || "ASSESSED".equals(c.status()))
        && c.planDueAt() != null) {
      Instant due = c.planDueAt().toInstant();
      if (now.isAfter(due.minus(DAY_WARNING))) {
        return java.util.Optional.of(item("CLOCK_PLAN", c, c.planDueAt(), c.overdue().plan()));
      }
    }
    return java.util.Optional.empty();
  }

  private void referrals(List<CaseResource> own, Instant now, List<Item> items) {
    if (own.isEmpty()) {
      return;
    }
    Set<CaseId> ids = own.stream().map(c -> new CaseId(c.id())).collect(Collectors.toSet());
    for (ReferralView r :
        queries
            .query(
                new FindCaseReferralsQuery(ids),
                ResponseTypes.multipleInstancesOf(ReferralView.class))
            .join()) {
      if (r.overdue()) {
        items.add(referral("REFERRAL_OVERDUE", r, r.answerDueAt(), true));
      } else if ((r.status() == ReferralStatus.ACCEPTED || r.status() == ReferralStatus.DECLINED)
          && r.answeredAt() != null
          && r.answeredAt().isAfter(now.minus(ANSWERED_RECENTLY))) {
        items.add(referral("REFERRAL_ANSWERED", r, r.answeredAt(), false));
      }
    }
  }

  private static Item item(String kind, CaseResource c, OffsetDateTime at, boolean overdue) {
    return new Item(kind, c.id(), c.caseNumber(), at, overdue);
  }

  private static Item referral(String kind, ReferralView r, Instant at, boolean overdue) {
    return new Item(
        kind,
        r.caseId().value(),
        CaseId.number(r.caseId().value()),
        at.atZone(vn.cpms.kernel.VietnamTime.ZONE).toOffsetDateTime(),
        overdue);
  }
}
