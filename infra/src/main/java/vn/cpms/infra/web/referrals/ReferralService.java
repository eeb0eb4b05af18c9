package vn.cpms.infra.web.referrals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import vn.cpms.infra.security.CpmsUser;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.RequestValidation;
import vn.cpms.infra.web.cases.CaseService;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.cases.AnswerReferralCommand;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CompleteReferralCommand;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.ReferCaseCommand;
import vn.cpms.kernel.referrals.FindReferralsQuery;
import vn.cpms.kernel.referrals.ProviderId;
import vn.cpms.kernel.referrals.ReferralView;

/**
 * Referrals of a case to the providers of the directory (issue 20), for the API and the pages: a
 * worker refers with the consent recorded; the provider's user (or the worker on its behalf)
 * accepts or declines with a reason, then reports the service done. A provider's user reaches only
 * the referrals made to their provider; anyone else only the cases of their areas.
 */
@Service
public class ReferralService {
  private final CommandSender commands;
  private final QueryGateway queries;
  private final CaseService cases;
  private final ProviderService providers;

  public ReferralService(
      CommandSender commands, QueryGateway queries, CaseService cases, ProviderService providers) {
    this.commands = commands;
    this.queries = queries;
    this.cases = cases;
    this.providers = providers;
  }

  /**
   * {@code {providerId, service, consentRecorded, note?, referredAt, id?, interventionId?}}: with
   * an intervention of the plan, the referral carries it out.
   */
  public record ReferralRequest(
      @OptionalMember UUID id,
      @NotNull UUID providerId,
      @NotBlank @Size(max = 30) @Code(value = InterventionType.class, list = "intervention-type")
          String service,
      @NotNull Boolean consentRecorded,
      @OptionalMember @Size(max = 10_000) @FreeText String note,
      @NotNull OffsetDateTime referredAt,
      @OptionalMember UUID interventionId) {
    /** A referral not tied to an intervention of the plan. */
    public ReferralRequest(
        UUID id,
        UUID providerId,
        String service,
        Boolean consentRecorded,
        String note,
        OffsetDateTime referredAt) {
      this(id, providerId, service, consentRecorded, note, referredAt, null);
    }
  }

  /** {@code {accepted, reason?, answeredAt}}: a decline needs its reason. */
  public record AnswerRequest(
      @NotNull Boolean accepted,
      @OptionalMember @Size(max = 2_000) @FreeText String reason,
      @NotNull OffsetDateTime answeredAt) {}

  /** {@code {completedOn, outcome}}. */
  public record CompletionRequest(
      @NotNull LocalDate completedOn, @NotBlank @Size(max = 10_000) @FreeText String outcome) {}

  /** The referral made, with the case's version. */
  public record Referred(UUID id, UUID referralId, long version) {}

  public Referred refer(UUID caseId, Long expectedVersion, ReferralRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    InterventionType service =
        body.service() == null
            ? null
            : RequestValidation.code(
                v, "service", body.service(), InterventionType.class, "intervention-type");
    if (body.providerId() != null && !providers.exists(body.providerId())) {
      v.add("providerId", "unknown-provider");
    }
    v.throwIfAny();
    // a case outside the caller's areas is unknown to them: the case itself says so (404)
    UUID referralId = body.id() == null ? UUID.randomUUID() : body.id();
    CommandSender.Updated updated =
        commands.updated(
            caseId,
            new ReferCaseCommand(
                new CaseId(caseId),
                referralId,
                new ProviderId(body.providerId()),
                service,
                Boolean.TRUE.equals(body.consentRecorded()),
                body.note(),
                body.referredAt().toInstant(),
                body.interventionId(),
                expectedVersion));
    return new Referred(caseId, referralId, updated.version());
  }

  /** The referrals of a case the caller may see, newest first. */
  public List<ReferralView> ofCase(UUID caseId) {
    return ofCase(cases.get(caseId).body());
  }

  /** The referrals of a case the caller has just read (and so may see): no second read. */
  public List<ReferralView> ofCase(vn.cpms.infra.web.cases.CaseResource visible) {
    return find(new FindReferralsQuery(new CaseId(visible.id()), null));
  }

  /** The referrals made to the signed-in provider's user's provider, newest first. */
  public List<ReferralView> mine() {
    UUID provider = callersProvider();
    if (provider == null) {
      return List.of();
    }
    return find(new FindReferralsQuery(null, new ProviderId(provider)));
  }

  public CommandSender.Updated answer(UUID caseId, UUID referralId, AnswerRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    v.throwIfAny();
    requireReachable(caseId, referralId);
    return commands.updated(
        caseId,
        new AnswerReferralCommand(
            new CaseId(caseId),
            referralId,
            body.accepted(),
            body.reason(),
            body.answeredAt().toInstant(),
            null));
  }

  public CommandSender.Updated complete(UUID caseId, UUID referralId, CompletionRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    if (body.completedOn() != null && body.completedOn().isAfter(LocalDate.now(VietnamTime.ZONE))) {
      v.add("completedOn", "future-date");
    }
    v.throwIfAny();
    requireReachable(caseId, referralId);
    return commands.updated(
        caseId,
        new CompleteReferralCommand(
            new CaseId(caseId), referralId, body.completedOn(), body.outcome(), null));
  }

  /** A provider's user reaches only their provider's referrals; others, their areas' cases. */
  private void requireReachable(UUID caseId, UUID referralId) {
    List<ReferralView> reachable = callersProvider() != null ? mine() : ofCase(caseId);
    boolean found =
        reachable.stream()
            .anyMatch(r -> r.caseId().value().equals(caseId) && r.referralId().equals(referralId));
    if (!found) {
      throw new NotFoundException("referral");
    }
  }

  private List<ReferralView> find(FindReferralsQuery query) {
    return queries.query(query, ResponseTypes.multipleInstancesOf(ReferralView.class)).join();
  }

  private static UUID callersProvider() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof CpmsUser user
        ? user.account().providerId()
        : null;
  }
}
