package vn.cpms.command.children;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.command.privacy.PersonalDataShredder;
import vn.cpms.kernel.AccessScope;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.UnknownReferenceException;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.children.ChildAge;
import vn.cpms.kernel.children.ChildCaseFollowedEvent;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildIdentityErasedEvent;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.EndSpecialCircumstanceCommand;
import vn.cpms.kernel.children.EraseChildIdentityCommand;
import vn.cpms.kernel.children.FollowChildCaseCommand;
import vn.cpms.kernel.children.IdentifySpecialCircumstanceCommand;
import vn.cpms.kernel.children.IncidentRecordedEvent;
import vn.cpms.kernel.children.IncidentType;
import vn.cpms.kernel.children.RecordIncidentCommand;
import vn.cpms.kernel.children.RecordIncidentResult;
import vn.cpms.kernel.children.RecordSupportCommand;
import vn.cpms.kernel.children.RegisterChildCommand;
import vn.cpms.kernel.children.RegisterChildResult;
import vn.cpms.kernel.children.SpecialCircumstance;
import vn.cpms.kernel.children.SpecialCircumstanceEndedEvent;
import vn.cpms.kernel.children.SpecialCircumstanceIdentifiedEvent;
import vn.cpms.kernel.children.SupportRecordedEvent;

/** A child known to the protection services: identity, statistical attributes, history. */
@Aggregate
public class Child {
  @AggregateIdentifier private ChildId childId;
  private ChildRegistration registration;

  /** The birth date, or its estimate, or after an erasure the statistical basis (see facts). */
  private LocalDate birthBasis;

  private boolean erased;
  private final Map<SpecialCircumstance, LocalDate> activeCircumstances =
      new EnumMap<>(SpecialCircumstance.class);
  private final Map<UUID, IncidentRecordedEvent> incidents = new java.util.HashMap<>();

  /** The areas the child's cases are in, and which are open (the child follows its cases). */
  private final Map<CaseId, AreaCode> caseAreas = new java.util.HashMap<>();

  private final java.util.Set<CaseId> openCases = new java.util.HashSet<>();
  private List<AreaCode> workingAreas = List.of();

  protected Child() {
    // for Axon: state is rebuilt from events
  }

  /**
   * Registers a child as part of another command (a case report or a hotline escalation), in the
   * same unit of work. Validation errors are reported below {@code fieldPrefix}.
   */
  public Child(
      ChildId childId,
      ChildRegistration registration,
      LocalDate referenceDate,
      Clock clock,
      String fieldPrefix) {
    validate(registration, referenceDate, clock, fieldPrefix);
    apply(registered(childId, registration, referenceDate));
  }

  private static ChildRegisteredEvent registered(
      ChildId childId, ChildRegistration registration, LocalDate referenceDate) {
    LocalDate estimated =
        registration.birthDate() == null
            ? ChildAge.estimatedBirthDate(registration.ageYears(), referenceDate)
            : null;
    return new ChildRegisteredEvent(childId, registration, referenceDate, estimated);
  }

  private static ChildFacts facts(ChildRegistration registration, Integer ageYears) {
    return new ChildFacts(
        registration.sex(), ageYears, registration.ethnicity(), registration.disability());
  }

  /**
   * A child outside the sender's areas is unknown to them (404), for every command; an erased child
   * takes no new fact (409 {@code child.erased}): its new facts could not be erased again, their
   * key being gone (issue 17). Only the system's bookkeeping (the child following its case, a
   * repeated erasure) goes on.
   */
  @CommandHandlerInterceptor
  Object withinSendersAreas(CommandMessage<?> command, InterceptorChain chain) throws Exception {
    if (registration != null && !allows(command.getMetaData())) {
      throw new UnknownReferenceException("child");
    }
    if (erased
        && !(command.getPayload() instanceof FollowChildCaseCommand)
        && !(command.getPayload() instanceof EraseChildIdentityCommand)
        && !(command.getPayload() instanceof RegisterChildCommand)) {
      throw new RuleViolationException("child.erased");
    }
    return chain.proceed();
  }

  /** Whether the child's identity was erased: it can be named by no new case. */
  public boolean isErased() {
    return erased;
  }

  /**
   * Whether a sender with this metadata may see and work the child: the communes of its open cases
   * may; with no case open, the commune of its case that changed last; with no case, the commune it
   * was registered in (issue 16).
   */
  public boolean allows(Map<String, ?> metadata) {
    return workingAreas().stream().anyMatch(area -> AccessScope.allows(metadata, area));
  }

  private List<AreaCode> workingAreas() {
    return workingAreas.isEmpty() ? List.of(registration.areaCode()) : workingAreas;
  }

  /** A case of the child was reported, transferred, closed or reopened: the child follows it. */
  @CommandHandler
  long handle(FollowChildCaseCommand command) {
    follow(command);
    return AggregateLifecycle.getVersion();
  }

  /**
   * The child follows its case: where the case is and whether it is open; nothing when that is
   * already known. A report records it in its own transaction (issue 21), the policy for later
   * steps.
   */
  public void follow(FollowChildCaseCommand command) {
    boolean unchanged =
        command.areaCode().equals(caseAreas.get(command.caseId()))
            && openCases.contains(command.caseId()) == command.open();
    if (!unchanged) {
      java.util.Set<CaseId> open = new java.util.HashSet<>(openCases);
      if (command.open()) {
        open.add(command.caseId());
      } else {
        open.remove(command.caseId());
      }
      Map<CaseId, AreaCode> areas = new java.util.HashMap<>(caseAreas);
      areas.put(command.caseId(), command.areaCode());
      List<AreaCode> working =
          open.isEmpty()
              ? List.of(command.areaCode())
              : open.stream().map(areas::get).distinct().sorted(AREA_ORDER).toList();
      apply(
          new ChildCaseFollowedEvent(
              childId, command.caseId(), command.areaCode(), command.open(), working));
    }
  }

  private static final java.util.Comparator<AreaCode> AREA_ORDER =
      java.util.Comparator.comparing(AreaCode::value);

  /** {@code POST /children}; the same id with the same registration again changes nothing. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public RegisterChildResult handle(RegisterChildCommand command, Clock clock) {
    boolean created = childId == null;
    if (created) {
      validate(command.registration(), command.referenceDate(), clock, "");
      apply(registered(command.childId(), command.registration(), command.referenceDate()));
    } else if (!isRegisteredAs(command.registration())) {
      throw new RuleViolationException("child.id-reused", command.childId());
    }
    return new RegisterChildResult(command.childId(), AggregateLifecycle.getVersion(), created);
  }

  static void validate(
      ChildRegistration registration, LocalDate referenceDate, Clock clock, String fieldPrefix) {
    Violations violations = Violations.under(fieldPrefix);
    LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
    if (registration.fullName() == null || registration.fullName().isBlank()) {
      violations.add("fullName", "required");
    }
    LocalDate birthDate = registration.birthDate();
    Integer ageYears = registration.ageYears();
    if (birthDate == null && ageYears == null) {
      violations.add("birthDate", "birth-date-or-age-required");
    }
    if (birthDate != null) {
      if (birthDate.isAfter(today) || birthDate.isAfter(referenceDate)) {
        violations.add("birthDate", "future-date");
      } else if (ChildAge.completedYears(birthDate, referenceDate) > ChildAge.MAX_REGISTERED_AGE) {
        violations.add("birthDate", "not-a-child", ChildAge.MAX_REGISTERED_AGE + 1);
      }
    }
    if (ageYears != null && (ageYears < 0 || ageYears > ChildAge.MAX_REGISTERED_AGE)) {
      violations.add("ageYears", "out-of-range", 0, ChildAge.MAX_REGISTERED_AGE);
    }
    violations.throwIfAny();
  }

  @CommandHandler
  long handle(IdentifySpecialCircumstanceCommand command, Clock clock) {
    Violations violations = Violations.collect();
    if (command.group() == null) {
      violations.add("group", "required");
    }
    checkDate(violations, "identifiedOn", command.identifiedOn(), clock);
    violations.throwIfAny();
    if (activeCircumstances.containsKey(command.group())) {
      throw new RuleViolationException("child.circumstance-active", command.group().name());
    }
    apply(
        new SpecialCircumstanceIdentifiedEvent(
            childId,
            command.group(),
            command.identifiedOn(),
            registration.areaCode(),
            factsOn(command.identifiedOn())));
    return AggregateLifecycle.getVersion();
  }

  @CommandHandler
  long handle(EndSpecialCircumstanceCommand command, Clock clock) {
    if (command.group() == null || !activeCircumstances.containsKey(command.group())) {
      throw new RuleViolationException(
          "child.circumstance-not-active", command.group() == null ? "" : command.group().name());
    }
    Violations violations = Violations.collect();
    checkDate(violations, "endedOn", command.endedOn(), clock);
    if (command.endedOn() != null
        && command.endedOn().isBefore(activeCircumstances.get(command.group()))) {
      violations.add(
          "endedOn",
          "before-previous-step",
          java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
              .format(activeCircumstances.get(command.group())));
    }
    violations.throwIfAny();
    apply(
        new SpecialCircumstanceEndedEvent(
            childId, command.group(), command.endedOn(), command.reason()));
    return AggregateLifecycle.getVersion();
  }

  @CommandHandler
  long handle(RecordSupportCommand command, Clock clock) {
    Violations violations = Violations.collect();
    if (command.kind() == null || command.kind().isBlank()) {
      violations.add("kind", "required");
    }
    checkDate(violations, "providedOn", command.providedOn(), clock);
    if (command.amountVnd() != null && command.amountVnd() < 0) {
      violations.add("amountVnd", "out-of-range", 0, Long.MAX_VALUE);
    }
    violations.throwIfAny();
    apply(
        new SupportRecordedEvent(
            childId,
            command.kind().strip(),
            command.providedOn(),
            command.amountVnd(),
            command.note(),
            registration.areaCode()));
    return AggregateLifecycle.getVersion();
  }

  @CommandHandler
  RecordIncidentResult handle(
      RecordIncidentCommand command, CommandMessage<?> message, Clock clock) {
    if (!AccessScope.allows(message.getMetaData(), command.areaCode())) {
      // an incident counts for its area's statistics: only in the sender's areas (issue 16)
      throw new vn.cpms.kernel.InvalidInputException(
          vn.cpms.kernel.Violation.of("areaCode", "area-not-allowed"));
    }
    IncidentRecordedEvent recorded = incidents.get(command.incidentId());
    if (recorded != null) {
      if (recorded.type() == command.type()
          && recorded.occurredOn().equals(command.occurredOn())
          && recorded.areaCode().equals(command.areaCode())
          && Objects.equals(recorded.injuryCause(), command.injuryCause())
          && recorded.fatal() == command.fatal()
          && Objects.equals(recorded.note(), command.note())) {
        // the same incident sent again: nothing to do
        return new RecordIncidentResult(
            command.incidentId(), AggregateLifecycle.getVersion(), false);
      }
      throw new RuleViolationException("child.incident-recorded");
    }
    Violations violations = Violations.collect();
    if (command.type() == null) {
      violations.add("type", "required");
    }
    if (command.areaCode() == null) {
      violations.add("areaCode", "required");
    }
    checkDate(violations, "occurredOn", command.occurredOn(), clock);
    if (command.type() == IncidentType.INJURY && command.injuryCause() == null) {
      violations.add("injuryCause", "required");
    }
    if (command.type() != null && command.type() != IncidentType.INJURY) {
      if (command.injuryCause() != null) {
        violations.add("injuryCause", "injury-only");
      }
      if (command.fatal()) {
        violations.add("fatal", "injury-only");
      }
    }
    violations.throwIfAny();
    apply(
        new IncidentRecordedEvent(
            childId,
            command.incidentId(),
            command.type(),
            command.occurredOn(),
            command.areaCode(),
            command.injuryCause(),
            command.fatal(),
            command.note(),
            factsOn(command.occurredOn())));
    return new RecordIncidentResult(command.incidentId(), AggregateLifecycle.getVersion(), true);
  }

  /** A fact's date: given, not in the future, not before the child was born. */
  private void checkDate(Violations violations, String field, LocalDate date, Clock clock) {
    LocalDate birth = birthBasis;
    if (date == null) {
      violations.add(field, "required");
    } else if (date.isAfter(LocalDate.now(clock.withZone(VietnamTime.ZONE)))) {
      violations.add(field, "future-date");
    } else if (registration.birthDate() != null && date.isBefore(birth)) {
      violations.add(field, "before-birth");
    }
  }

  /** The child's statistical attributes on {@code date}, age in completed years. */
  public ChildFacts factsOn(LocalDate date) {
    Integer age = null;
    if (birthBasis != null && !birthBasis.isAfter(date)) {
      age = ChildAge.completedYears(birthBasis, date);
    }
    return facts(registration, age);
  }

  public boolean isRegisteredAs(ChildRegistration other) {
    return registration.equals(other);
  }

  @EventSourcingHandler
  void on(ChildRegisteredEvent event) {
    this.childId = event.childId();
    this.registration = event.registration();
    if (event.registration().birthDate() != null) {
      this.birthBasis = event.registration().birthDate();
    } else {
      this.birthBasis = event.estimatedBirthDate();
    }
  }

  /**
   * Once the exact birth date is erased, the ages of later facts are estimated from the last fact
   * whose age was kept in clear, as for a child registered with an age only.
   */
  private void keepAgeBasis(LocalDate on, ChildFacts facts) {
    if (registration.birthDate() == null
        && registration.ageYears() == null
        && facts.ageYears() != null) {
      this.birthBasis = on.minusYears(facts.ageYears());
    }
  }

  /**
   * {@code POST /children/{id}/erasure}: destroys the keys of the child's personal data (and of its
   * cases and contacts) in the same transaction as the event; erasing twice changes nothing.
   */
  @CommandHandler
  public long handle(
      EraseChildIdentityCommand command,
      CommandMessage<?> message,
      PersonalDataShredder shredder,
      Clock clock) {
    // an erasure is for good and reaches every case of the child: it is for an admin whose areas
    // hold the child's registration and every one of its cases (issue 16)
    boolean everyAreaAllowed =
        AccessScope.allows(message.getMetaData(), registration.areaCode())
            && caseAreas.values().stream()
                .allMatch(area -> AccessScope.allows(message.getMetaData(), area));
    if (!everyAreaAllowed) {
      throw new vn.cpms.kernel.InvalidInputException(
          vn.cpms.kernel.Violation.of("childId", "area-not-allowed"));
    }
    if (!erased) {
      shredder.shred(childId.value());
      apply(new ChildIdentityErasedEvent(childId, clock.instant()));
    }
    return AggregateLifecycle.getVersion();
  }

  @EventSourcingHandler
  void on(ChildCaseFollowedEvent event) {
    caseAreas.put(event.caseId(), event.areaCode());
    if (event.open()) {
      openCases.add(event.caseId());
    } else {
      openCases.remove(event.caseId());
    }
    workingAreas = event.workingAreas();
  }

  @EventSourcingHandler
  void on(ChildIdentityErasedEvent event) {
    this.erased = true;
  }

  @EventSourcingHandler
  void on(SpecialCircumstanceIdentifiedEvent event) {
    activeCircumstances.put(event.group(), event.identifiedOn());
    keepAgeBasis(event.identifiedOn(), event.child());
  }

  @EventSourcingHandler
  void on(SpecialCircumstanceEndedEvent event) {
    activeCircumstances.remove(event.group());
  }

  @EventSourcingHandler
  void on(IncidentRecordedEvent event) {
    incidents.put(event.incidentId(), event);
    keepAgeBasis(event.occurredOn(), event.child());
  }
}
