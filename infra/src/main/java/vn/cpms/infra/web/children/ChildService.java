package vn.cpms.infra.web.children;

import static vn.cpms.infra.web.RequestValidation.code;
import static vn.cpms.infra.web.RequestValidation.maxLength;
import static vn.cpms.infra.web.RequestValidation.required;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.web.Answer;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.Reference;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.infra.web.cases.ChildRequest;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.ChildSummary;
import vn.cpms.kernel.children.ChildView;
import vn.cpms.kernel.children.EndSpecialCircumstanceCommand;
import vn.cpms.kernel.children.EraseChildIdentityCommand;
import vn.cpms.kernel.children.FindChildQuery;
import vn.cpms.kernel.children.IdentifySpecialCircumstanceCommand;
import vn.cpms.kernel.children.IncidentType;
import vn.cpms.kernel.children.InjuryCause;
import vn.cpms.kernel.children.RecordIncidentCommand;
import vn.cpms.kernel.children.RecordIncidentResult;
import vn.cpms.kernel.children.RecordSupportCommand;
import vn.cpms.kernel.children.RegisterChildCommand;
import vn.cpms.kernel.children.RegisterChildResult;
import vn.cpms.kernel.children.SearchChildrenQuery;
import vn.cpms.kernel.children.SpecialCircumstance;

/**
 * Children: registration, the child's page, duplicate search, circumstances, support, incidents.
 */
@org.springframework.stereotype.Service
public class ChildService {
  static final int MAX_RESULTS = 50;

  private final CommandSender commands;
  private final QueryGateway queries;
  private final CallerScope scope;

  private final vn.cpms.infra.web.KnownAreas known;

  public ChildService(
      CommandSender commands,
      QueryGateway queries,
      CallerScope scope,
      vn.cpms.infra.web.KnownAreas known) {
    this.commands = commands;
    this.queries = queries;
    this.scope = scope;
    this.known = known;
  }

  /** Registers a child; {@code 201} with {@code Location}, {@code 200} for a repeat by id. */
  public Answer<CommandSender.Updated> register(ChildRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    ChildRegistration registration =
        CaseRequests.registration(Violations.collect(), body, false, null, v);
    if (registration != null) {
      scope.requireWithin(v, "areaCode", registration.areaCode());
      known.check(v, "areaCode", registration.areaCode(), LocalDate.now(VietnamTime.ZONE));
    }
    v.throwIfAny();
    ChildId id = body.id() == null ? ChildId.random() : new ChildId(body.id());
    LocalDate today = LocalDate.now(VietnamTime.ZONE);
    RegisterChildResult result = commands.send(new RegisterChildCommand(id, registration, today));
    CommandSender.Updated answer =
        new CommandSender.Updated(result.childId().value(), result.version());
    return Answer.created(answer, result.version(), result.created(), "/api/v1/children/" + id);
  }

  public Answer<ChildView> get(UUID id) {
    ChildView view =
        queries
            .query(
                new FindChildQuery(new ChildId(id)),
                ResponseTypes.optionalInstanceOf(ChildView.class))
            .join()
            .filter(found -> found.workingAreas().stream().anyMatch(scope::allows))
            .orElseThrow(() -> new NotFoundException("child"));
    return Answer.of(view, view.version());
  }

  /**
   * Duplicate detection at intake: by name (accents ignored) or birth date ({@code yyyy-MM-dd}).
   */
  public List<ChildSummary> search(String query, List<String> area) {
    Violations v = Violations.collect();
    if (query == null || query.strip().length() < 2) {
      v.add("query", "too-short", 2);
    }
    List<AreaCode> areas =
        area == null
            ? null
            : area.stream()
                .map(a -> CaseRequests.area(v, "area", a))
                .filter(a -> a != null)
                .toList();
    v.throwIfAny();
    return queries
        .query(
            new SearchChildrenQuery(
                query.strip(),
                scope.within(areas == null ? null : java.util.Set.copyOf(areas)),
                MAX_RESULTS),
            ResponseTypes.multipleInstancesOf(ChildSummary.class))
        .join();
  }

  /** Body of {@code POST /api/v1/children/search}: a name or a birth date, and areas. */
  public record SearchRequest(
      @OptionalMember @Size(max = 200) @FreeText String query,
      @OptionalMember @Size(max = 50) List<@Size(max = 5) @Reference("area") String> area) {}

  /** The duplicate search with its text from a body, never from a URL. */
  public List<ChildSummary> search(SearchRequest body) {
    DeclaredRules.require(body);
    return search(body.query(), body.area());
  }

  /** {@code {group, identifiedOn}}. */
  public record CircumstanceRequest(
      @NotBlank
          @Size(max = 4)
          @Code(value = SpecialCircumstance.class, list = "special-circumstance")
          String group,
      @NotNull LocalDate identifiedOn) {}

  public CommandSender.Updated identify(UUID id, Long expectedVersion, CircumstanceRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    SpecialCircumstance group =
        code(v, "group", body.group(), SpecialCircumstance.class, "special-circumstance");
    required(v, "identifiedOn", body.identifiedOn());
    v.throwIfAny();
    return commands.updated(
        id,
        new IdentifySpecialCircumstanceCommand(
            new ChildId(id), group, body.identifiedOn(), expectedVersion));
  }

  /**
   * Crypto-shreds the child's personal data (ADMIN): name, exact birth date, address, guardian, and
   * the free texts of its cases and of the calls escalated about it become unreadable for good; the
   * history and every statistic stay. Erasing twice answers the same version.
   */
  public CommandSender.Updated erase(UUID id, ErasureRequest body) {
    if (body != null) {
      DeclaredRules.require(body);
      // the reason goes to the audit trail, with the erasure, in its transaction
      vn.cpms.infra.audit.AuditTrail.detail(
          body.reason() == null ? null : "reason: " + body.reason().strip());
    }
    return commands.updated(id, new EraseChildIdentityCommand(new ChildId(id)));
  }

  /** Body of an erasure: why (kept in the audit trail only). */
  public record ErasureRequest(@OptionalMember @Size(max = 500) @FreeText String reason) {}

  /** {@code {endedOn, reason}}. */
  public record EndRequest(
      @NotNull LocalDate endedOn, @NotBlank @Size(max = 500) @FreeText String reason) {}

  public CommandSender.Updated end(UUID id, String group, Long expectedVersion, EndRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    SpecialCircumstance circumstance =
        code(v, "group", group, SpecialCircumstance.class, "special-circumstance");
    required(v, "endedOn", body.endedOn());
    required(v, "reason", body.reason());
    maxLength(v, "reason", body.reason(), 500);
    v.throwIfAny();
    return commands.updated(
        id,
        new EndSpecialCircumstanceCommand(
            new ChildId(id), circumstance, body.endedOn(), body.reason(), expectedVersion));
  }

  /** {@code {kind, providedOn, amountVnd?, note?}}. */
  public record SupportRequest(
      @NotBlank @Size(max = 100) @FreeText String kind,
      @NotNull LocalDate providedOn,
      @OptionalMember @PositiveOrZero Long amountVnd,
      @OptionalMember @Size(max = 10_000) @FreeText String note) {}

  public CommandSender.Updated support(UUID id, Long expectedVersion, SupportRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    required(v, "kind", body.kind());
    maxLength(v, "kind", body.kind(), 100);
    required(v, "providedOn", body.providedOn());
    maxLength(v, "note", body.note(), 10_000);
    v.throwIfAny();
    return commands.updated(
        id,
        new RecordSupportCommand(
            new ChildId(id),
            body.kind(),
            body.providedOn(),
            body.amountVnd(),
            body.note(),
            expectedVersion));
  }

  /** {@code {id?, type, occurredOn, areaCode, injuryCause?, fatal?, note?}}. */
  public record IncidentRequest(
      @OptionalMember UUID id,
      @NotBlank @Size(max = 30) @Code(value = IncidentType.class, list = "incident-type")
          String type,
      @NotNull LocalDate occurredOn,
      @NotBlank @Size(max = 5) @Reference("area") String areaCode,
      @OptionalMember @Size(max = 20) @Code(value = InjuryCause.class, list = "injury-cause")
          String injuryCause,
      @OptionalMember Boolean fatal,
      @OptionalMember @Size(max = 10_000) @FreeText String note) {}

  public Answer<RecordedIncident> incident(UUID id, Long expectedVersion, IncidentRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    IncidentType type = code(v, "type", body.type(), IncidentType.class, "incident-type");
    required(v, "occurredOn", body.occurredOn());
    AreaCode area = CaseRequests.area(v, "areaCode", body.areaCode());
    known.check(v, "areaCode", area, body.occurredOn());
    InjuryCause cause =
        body.injuryCause() == null
            ? null
            : code(v, "injuryCause", body.injuryCause(), InjuryCause.class, "injury-cause");
    maxLength(v, "note", body.note(), 10_000);
    v.throwIfAny();
    UUID incidentId = body.id() == null ? UUID.randomUUID() : body.id();
    RecordIncidentResult result =
        commands.send(
            new RecordIncidentCommand(
                new ChildId(id),
                incidentId,
                type,
                body.occurredOn(),
                area,
                cause,
                Boolean.TRUE.equals(body.fatal()),
                body.note(),
                expectedVersion));
    RecordedIncident answer = new RecordedIncident(incidentId, id, result.version());
    return Answer.created(answer, result.version(), result.created(), "/api/v1/children/" + id);
  }

  /** A recorded incident. */
  public record RecordedIncident(UUID id, UUID childId, long version) {}
}
