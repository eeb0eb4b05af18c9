package vn.cpms.infra.web.hotline;

import static vn.cpms.infra.web.RequestValidation.code;
import static vn.cpms.infra.web.RequestValidation.codes;
import static vn.cpms.infra.web.RequestValidation.maxLength;
import static vn.cpms.infra.web.RequestValidation.required;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import vn.cpms.infra.security.CallerKeys;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.web.Answer;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.PageResource;
import vn.cpms.infra.web.Reference;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.infra.web.cases.ChildRequest;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.contacts.CallerContactCount;
import vn.cpms.kernel.contacts.CallerType;
import vn.cpms.kernel.contacts.CloseContactCommand;
import vn.cpms.kernel.contacts.ContactId;
import vn.cpms.kernel.contacts.ContactOutcome;
import vn.cpms.kernel.contacts.ContactPage;
import vn.cpms.kernel.contacts.ContactResult;
import vn.cpms.kernel.contacts.ContactView;
import vn.cpms.kernel.contacts.CountCallerContactsQuery;
import vn.cpms.kernel.contacts.EscalateContactCommand;
import vn.cpms.kernel.contacts.EscalationResult;
import vn.cpms.kernel.contacts.FindContactQuery;
import vn.cpms.kernel.contacts.FindContactsQuery;
import vn.cpms.kernel.contacts.ReceiveContactCommand;

/** Hotline contacts: intake with the repeat-caller count, the list, escalation, closure. */
@org.springframework.stereotype.Service
public class ContactService {
  static final Duration REPEAT_WINDOW = Duration.ofDays(30);

  private final CommandSender commands;
  private final QueryGateway queries;
  private final CallerKeys callerKeys;
  private final CallerScope scope;

  private final vn.cpms.infra.web.KnownAreas known;

  public ContactService(
      CommandSender commands,
      QueryGateway queries,
      CallerKeys callerKeys,
      CallerScope scope,
      vn.cpms.infra.web.KnownAreas known) {
    this.commands = commands;
    this.queries = queries;
    this.callerKeys = callerKeys;
    this.scope = scope;
    this.known = known;
  }

  /** Body of {@code POST /contacts}; {@code callerPhone} is hashed at once and never kept. */
  public record ContactRequest(
      @OptionalMember UUID id,
      @NotNull OffsetDateTime receivedAt,
      @NotBlank @Size(max = 20) @Code(value = Channel.class, list = "channel") String channel,
      @NotBlank @Size(max = 20) @Code(value = CallerType.class, list = "caller-type")
          String callerType,
      @NotBlank @Size(max = 40) @Reference("contact-category") String category,
      @OptionalMember @Size(max = 40) @Reference("contact-category") String subcategory,
      @OptionalMember @Size(max = 5) @Reference("area") String areaCode,
      @OptionalMember @PositiveOrZero @Max(86_400) Integer durationSeconds,
      @OptionalMember @Size(max = 10) @Code(value = Sex.class, list = "sex") String childSex,
      @OptionalMember @Min(0) @Max(17) Integer childAgeYears,
      @OptionalMember @Size(max = 10_000) @FreeText String summary,
      @OptionalMember @Size(max = 30) @FreeText String callerPhone) {
    @Override
    public String toString() {
      return "ContactRequest[" + id + "]"; // never print the phone number or the summary
    }
  }

  /** The answer to an intake: the contact and how often this number called before. */
  public record ReceivedContact(UUID id, long previousContacts30d) {}

  public Answer<ReceivedContact> receive(ContactRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    required(v, "receivedAt", body.receivedAt());
    Channel channel = code(v, "channel", body.channel(), Channel.class, "channel");
    CallerType callerType =
        code(v, "callerType", body.callerType(), CallerType.class, "caller-type");
    required(v, "category", body.category());
    AreaCode area =
        body.areaCode() == null ? null : CaseRequests.area(v, "areaCode", body.areaCode());
    requireReachableArea(v, area);
    known.check(
        v,
        "areaCode",
        area,
        body.receivedAt() == null
            ? null
            : vn.cpms.kernel.VietnamTime.dateOf(body.receivedAt().toInstant()));
    Sex sex =
        body.childSex() == null ? null : code(v, "childSex", body.childSex(), Sex.class, "sex");
    maxLength(v, "summary", body.summary(), 10_000);
    maxLength(v, "callerPhone", body.callerPhone(), 30);
    v.throwIfAny();
    ContactId id = body.id() == null ? ContactId.random() : new ContactId(body.id());
    Instant receivedAt = body.receivedAt().toInstant();
    String callerKey = callerKeys.keyOf(body.callerPhone());
    ContactResult result =
        commands.send(
            new ReceiveContactCommand(
                id,
                receivedAt,
                channel,
                callerType,
                body.category(),
                body.subcategory(),
                area,
                body.durationSeconds(),
                sex,
                body.childAgeYears(),
                body.summary(),
                callerKey));
    long previous = 0;
    if (callerKey != null) {
      previous =
          queries
              .query(
                  new CountCallerContactsQuery(
                      callerKey, receivedAt.minus(REPEAT_WINDOW), receivedAt, id),
                  ResponseTypes.instanceOf(CallerContactCount.class))
              .join()
              .count();
    }
    ReceivedContact answer = new ReceivedContact(id.value(), previous);
    return Answer.created(answer, null, result.created(), "/api/v1/contacts/" + id);
  }

  public ContactResource get(UUID id) {
    return queries
        .query(
            new FindContactQuery(new ContactId(id)),
            ResponseTypes.optionalInstanceOf(ContactView.class))
        .join()
        .filter(
            found ->
                scope.readsEveryContact()
                    || (found.areaCode() != null && scope.allows(found.areaCode())))
        .map(ContactResource::of)
        .orElseThrow(() -> new NotFoundException("contact"));
  }

  /** The contacts of a period, newest first, in the Spring Data page shape. */
  public PageResource<ContactResource> list(
      LocalDate from, LocalDate to, String category, int page, int size) {
    Violations v = Violations.collect();
    if (page < 0) {
      v.add("page", "out-of-range", 0, Integer.MAX_VALUE);
    }
    if (size < 1 || size > 200) {
      v.add("size", "out-of-range", 1, 200);
    }
    v.throwIfAny();
    ContactPage result =
        queries
            .query(
                new FindContactsQuery(
                    from,
                    to,
                    category,
                    page,
                    size,
                    scope.readsEveryContact() ? null : scope.within(null),
                    scope.readsEveryContact()),
                ResponseTypes.instanceOf(ContactPage.class))
            .join();
    return PageResource.of(
        result.items().stream().map(ContactResource::of).toList(),
        page,
        size,
        result.totalElements());
  }

  /** Body of {@code POST /contacts/{id}/escalation}. */
  public record EscalationRequest(
      @NotBlank @Size(max = 5) @Reference("area") String areaCode,
      @NotNull @Valid ChildRequest child,
      @NotEmpty @Size(max = 7)
          List<@NotBlank @Size(max = 30) @Code(value = AbuseForm.class, list = "abuse-form") String>
              suspectedForms,
      @NotNull Boolean seriousDanger,
      @NotBlank @Size(max = 10_000) @FreeText String description) {}

  /** The case a contact became. */
  public record EscalatedContact(UUID caseId, UUID childId) {}

  public Answer<EscalatedContact> escalate(UUID id, EscalationRequest body) {
    requireReachable(id);
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    AreaCode area = CaseRequests.area(v, "areaCode", body.areaCode());
    requireReachableArea(v, area);
    known.check(v, "areaCode", area, java.time.LocalDate.now(vn.cpms.kernel.VietnamTime.ZONE));
    if (body.suspectedForms() == null || body.suspectedForms().isEmpty()) {
      v.add("suspectedForms", "required");
    }
    List<AbuseForm> forms =
        codes(v, "suspectedForms", body.suspectedForms(), AbuseForm.class, "abuse-form");
    required(v, "seriousDanger", body.seriousDanger());
    required(v, "description", body.description());
    maxLength(v, "description", body.description(), 10_000);
    // One case per contact: the case id follows from the contact, so a repeat finds it again.
    CaseId caseId =
        new CaseId(
            UUID.nameUUIDFromBytes(("case-of-contact:" + id).getBytes(StandardCharsets.UTF_8)));
    ChildId childId = null;
    ChildRegistration newChild = null;
    if (required(v, "child", body.child())) {
      if (body.child().id() != null) {
        childId = new ChildId(body.child().id());
      } else {
        newChild =
            CaseRequests.registration(Violations.under("child"), body.child(), true, area, v);
        childId = CaseRequests.childOf(caseId);
      }
    }
    v.throwIfAny();
    EscalationResult result =
        commands.send(
            new EscalateContactCommand(
                new ContactId(id),
                caseId,
                childId,
                newChild,
                area,
                new HashSet<>(forms),
                body.seriousDanger(),
                body.description()));
    return Answer.created(
        new EscalatedContact(result.caseId().value(), result.childId().value()),
        null,
        true,
        "/api/v1/cases/" + result.caseId());
  }

  /**
   * A caller who does not take calls for the whole country (an admin with areas) records and
   * escalates contacts only about their areas, and never one without an area (422).
   */
  private void requireReachableArea(Violations v, AreaCode area) {
    if (!scope.readsEveryContact()) {
      if (area == null) {
        v.add("areaCode", "area-not-allowed");
      } else {
        scope.requireWithin(v, "areaCode", area);
      }
    }
  }

  /**
   * A caller who does not read every contact (an admin with areas) works only the contacts about
   * their areas: any other is unknown to them (404), as when reading it.
   */
  private void requireReachable(UUID id) {
    if (!scope.readsEveryContact()) {
      get(id);
    }
  }

  /** Body of {@code POST /contacts/{id}/closure}. */
  public record ClosureRequest(
      @NotBlank @Size(max = 30) @Code(value = ContactOutcome.class, list = "contact-outcome")
          String outcome) {}

  public void close(UUID id, ClosureRequest body) {
    requireReachable(id);
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    ContactOutcome outcome =
        code(v, "outcome", body.outcome(), ContactOutcome.class, "contact-outcome");
    v.throwIfAny();
    commands.send(new CloseContactCommand(new ContactId(id), outcome));
  }

  /** Body of {@code POST /contacts/{id}/erasure}: why (kept in the audit trail only). */
  public record ErasureRequest(@NotBlank @Size(max = 500) @FreeText String reason) {}

  /**
   * Erases the contact's summary (ADMIN, issue 17): its key is destroyed, so the summary is
   * unreadable in the events and the read models, on every node; the contact's codes and the
   * statistics stay. The reason is audited.
   */
  public void eraseSummary(UUID id, ErasureRequest body) {
    get(id); // 404 when unknown, or outside an admin's areas
    DeclaredRules.require(body);
    vn.cpms.infra.audit.AuditTrail.detail("reason: " + body.reason().strip());
    commands.send(new vn.cpms.kernel.contacts.EraseContactSummaryCommand(new ContactId(id)));
  }

  /** A contact as the API shows it, in Vietnam time. */
  public record ContactResource(
      UUID id,
      OffsetDateTime receivedAt,
      String channel,
      String callerType,
      String category,
      String subcategory,
      String areaCode,
      Integer durationSeconds,
      String childSex,
      Integer childAgeYears,
      String summary,
      String outcome,
      UUID caseId) {
    public static ContactResource of(ContactView c) {
      return new ContactResource(
          c.contactId().value(),
          c.receivedAt().atZone(VietnamTime.ZONE).toOffsetDateTime(),
          c.channel().name(),
          c.callerType().name(),
          c.category(),
          c.subcategory(),
          c.areaCode() == null ? null : c.areaCode().value(),
          c.durationSeconds(),
          c.childSex() == null ? null : c.childSex().name(),
          c.childAgeYears(),
          c.summary(),
          c.outcome() == null ? null : c.outcome().name(),
          c.caseId() == null ? null : c.caseId().value());
    }
  }
}
