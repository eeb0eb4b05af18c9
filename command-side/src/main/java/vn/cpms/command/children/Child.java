package vn.cpms.command.children;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.children.ChildAge;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.RegisterChildCommand;

/** A child known to the protection services: identity, statistical attributes, history. */
@Aggregate
public class Child {
  @AggregateIdentifier private ChildId childId;
  private ChildRegistration registration;
  private LocalDate estimatedBirthDate;

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
    LocalDate estimated =
        registration.birthDate() == null
            ? ChildAge.estimatedBirthDate(registration.ageYears(), referenceDate)
            : null;
    apply(new ChildRegisteredEvent(childId, registration, referenceDate, estimated));
  }

  /** {@code POST /children}; the same id with the same registration again changes nothing. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public ChildId handle(RegisterChildCommand command, Clock clock) {
    if (childId == null) {
      validate(command.registration(), command.referenceDate(), clock, "");
      LocalDate estimated =
          command.registration().birthDate() == null
              ? ChildAge.estimatedBirthDate(
                  command.registration().ageYears(), command.referenceDate())
              : null;
      apply(
          new ChildRegisteredEvent(
              command.childId(), command.registration(), command.referenceDate(), estimated));
    } else if (!isRegisteredAs(command.registration())) {
      throw new RuleViolationException("child.id-reused", command.childId());
    }
    return command.childId();
  }

  static void validate(
      ChildRegistration registration, LocalDate referenceDate, Clock clock, String fieldPrefix) {
    Violations violations = Violations.under(fieldPrefix);
    LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
    if (registration.fullName().isBlank()) {
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

  /** The child's statistical attributes on {@code date}, age in completed years. */
  public ChildFacts factsOn(LocalDate date) {
    LocalDate birth =
        registration.birthDate() != null ? registration.birthDate() : estimatedBirthDate;
    Integer age = null;
    if (birth != null && !birth.isAfter(date)) {
      age = ChildAge.completedYears(birth, date);
    }
    return new ChildFacts(
        registration.sex(), age, registration.ethnicity(), registration.disability());
  }

  public boolean isRegisteredAs(ChildRegistration other) {
    return registration.equals(other);
  }

  @EventSourcingHandler
  void on(ChildRegisteredEvent event) {
    this.childId = event.childId();
    this.registration = event.registration();
    this.estimatedBirthDate = event.estimatedBirthDate();
  }
}
