package vn.cpms.command.children;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.RegisterChildCommand;
import vn.cpms.kernel.children.Sex;

class ChildTest {
  static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  final ChildId childId = ChildId.random();
  AggregateTestFixture<Child> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Child.class);
    fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static ChildRegistration born(LocalDate birthDate) {
    return new ChildRegistration(
        "Synthetic Child",
        birthDate,
        null,
        Sex.MALE,
        Ethnicity.of("02"),
        false,
        AreaCode.of("06652"),
        null,
        null);
  }

  static ChildRegistration aged(Integer years) {
    return new ChildRegistration(
        "Synthetic Child",
        null,
        years,
        Sex.FEMALE,
        Ethnicity.UNKNOWN,
        true,
        AreaCode.of("06652"),
        null,
        null);
  }

  @Test
  void a_child_with_a_birth_date_is_registered_without_an_estimate() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterChildCommand(childId, born(LocalDate.of(2015, 5, 1)), TODAY))
        .expectEvents(
            new ChildRegisteredEvent(childId, born(LocalDate.of(2015, 5, 1)), TODAY, null))
        .expectResultMessagePayload(childId);
  }

  @Test
  void a_child_known_only_by_age_gets_a_birth_date_estimated_from_the_reference_date() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterChildCommand(childId, aged(7), TODAY))
        .expectEvents(
            new ChildRegisteredEvent(childId, aged(7), TODAY, LocalDate.of(2019, 11, 23)));
  }

  @Test
  void registering_the_same_child_again_with_the_same_id_changes_nothing() {
    fixture
        .given(new ChildRegisteredEvent(childId, aged(7), TODAY, LocalDate.of(2019, 11, 23)))
        .when(new RegisterChildCommand(childId, aged(7), TODAY))
        .expectNoEvents()
        .expectResultMessagePayload(childId);
  }

  @Test
  void reusing_a_child_id_for_another_child_is_rejected() {
    fixture
        .given(new ChildRegisteredEvent(childId, aged(7), TODAY, LocalDate.of(2019, 11, 23)))
        .when(new RegisterChildCommand(childId, aged(8), TODAY))
        .expectNoEvents()
        .expectException(RuleViolationException.class);
  }

  @Test
  void a_birth_date_in_the_future_is_rejected() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterChildCommand(childId, born(TODAY.plusDays(1)), TODAY))
        .expectNoEvents()
        .expectException(InvalidInputException.class);
  }

  @Test
  void an_age_above_17_is_rejected() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterChildCommand(childId, aged(18), TODAY))
        .expectNoEvents()
        .expectException(InvalidInputException.class);
  }

  @Test
  void a_child_without_birth_date_nor_age_is_rejected() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterChildCommand(childId, aged(null), TODAY))
        .expectNoEvents()
        .expectException(InvalidInputException.class);
  }
}
