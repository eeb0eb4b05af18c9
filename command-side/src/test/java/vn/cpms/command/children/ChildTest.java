package vn.cpms.command.children;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cpms.command.privacy.PersonalDataShredder;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildIdentityErasedEvent;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.EndSpecialCircumstanceCommand;
import vn.cpms.kernel.children.EraseChildIdentityCommand;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.IdentifySpecialCircumstanceCommand;
import vn.cpms.kernel.children.IncidentRecordedEvent;
import vn.cpms.kernel.children.IncidentType;
import vn.cpms.kernel.children.InjuryCause;
import vn.cpms.kernel.children.RecordIncidentCommand;
import vn.cpms.kernel.children.RecordIncidentResult;
import vn.cpms.kernel.children.RecordSupportCommand;
import vn.cpms.kernel.children.RegisterChildCommand;
import vn.cpms.kernel.children.RegisterChildResult;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.children.SpecialCircumstance;
import vn.cpms.kernel.children.SpecialCircumstanceEndedEvent;
import vn.cpms.kernel.children.SpecialCircumstanceIdentifiedEvent;
import vn.cpms.kernel.children.SupportRecordedEvent;

class ChildTest {
  static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  final ChildId childId = ChildId.random();
  AggregateTestFixture<Child> fixture;
  final List<UUID> shredded = new ArrayList<>();

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Child.class);
    fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    fixture.registerInjectableResource(
        new PersonalDataShredder() {
          @Override
          public void shred(java.util.UUID childId) {
            shredded.add(childId);
          }

          @Override
          public void shredSubject(java.util.UUID subject) {
            throw new AssertionError("a child's erasure shreds the child and what it owns");
          }
        });
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
        .expectResultMessagePayload(new RegisterChildResult(childId, 0, true));
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
        .expectResultMessagePayload(new RegisterChildResult(childId, 0, false));
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

  // --- erasure ------------------------------------------------------------------------------

  @Test
  void erasing_a_child_destroys_its_keys_and_records_the_erasure() {
    fixture
        .given(registered())
        .when(new EraseChildIdentityCommand(childId))
        .expectEvents(new ChildIdentityErasedEvent(childId, NOW))
        .expectResultMessagePayload(1L);
    assertThat(shredded).containsExactly(childId.value());
  }

  @Test
  void erasing_an_erased_child_again_changes_nothing() {
    fixture
        .given(registered(), new ChildIdentityErasedEvent(childId, NOW))
        .when(new EraseChildIdentityCommand(childId))
        .expectNoEvents()
        .expectResultMessagePayload(1L);
    assertThat(shredded).isEmpty();
  }

  static final UUID INCIDENT = UUID.fromString("00000000-0000-4000-8000-00000000000a");

  @Test
  void after_an_erasure_a_new_fact_is_refused() {
    // what an erased registration reads like: no name, no birth date
    ChildRegistration erased =
        new ChildRegistration(
            null,
            null,
            null,
            Sex.MALE,
            Ethnicity.of("02"),
            false,
            AreaCode.of("06652"),
            null,
            null);
    fixture
        .given(
            new ChildRegisteredEvent(childId, erased, TODAY.minusYears(2), null),
            new SpecialCircumstanceIdentifiedEvent(
                childId, SpecialCircumstance.SC01, JUNE.minusYears(1), AreaCode.of("06652"), AT_11),
            new ChildIdentityErasedEvent(childId, NOW))
        .when(
            new RecordIncidentCommand(
                childId,
                INCIDENT,
                IncidentType.INJURY,
                JUNE,
                AreaCode.of("06652"),
                InjuryCause.FALL,
                false,
                null,
                null))
        // issue 17: an erased child takes no new fact; its key is gone, so the fact's personal
        // data could never be erased again
        .expectNoEvents()
        .expectException(RuleViolationException.class);
  }

  // --- special circumstances, support, incidents ------------------------------------------------

  ChildRegisteredEvent registered() {
    return new ChildRegisteredEvent(childId, born(LocalDate.of(2015, 5, 1)), TODAY, null);
  }

  static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
  static final ChildFacts AT_11 = new ChildFacts(Sex.MALE, 11, Ethnicity.of("02"), false);

  @Test
  void identifying_a_special_circumstance_records_the_childs_age_on_that_date() {
    fixture
        .given(registered())
        .when(new IdentifySpecialCircumstanceCommand(childId, SpecialCircumstance.SC01, JUNE, null))
        .expectEvents(
            new SpecialCircumstanceIdentifiedEvent(
                childId, SpecialCircumstance.SC01, JUNE, AreaCode.of("06652"), AT_11))
        .expectResultMessagePayload(1L);
  }

  @Test
  void identifying_a_group_the_child_is_already_in_is_rejected() {
    fixture
        .given(
            registered(),
            new SpecialCircumstanceIdentifiedEvent(
                childId, SpecialCircumstance.SC01, JUNE, AreaCode.of("06652"), AT_11))
        .when(new IdentifySpecialCircumstanceCommand(childId, SpecialCircumstance.SC01, JUNE, null))
        .expectNoEvents()
        .expectExceptionMessage("child.circumstance-active");
  }

  @Test
  void ending_a_special_circumstance_is_recorded_and_ending_one_not_active_is_rejected() {
    fixture
        .given(
            registered(),
            new SpecialCircumstanceIdentifiedEvent(
                childId, SpecialCircumstance.SC01, JUNE, AreaCode.of("06652"), AT_11))
        .when(
            new EndSpecialCircumstanceCommand(
                childId, SpecialCircumstance.SC01, JUNE.plusMonths(2), "adopted", null))
        .expectEvents(
            new SpecialCircumstanceEndedEvent(
                childId, SpecialCircumstance.SC01, JUNE.plusMonths(2), "adopted"));
    setUp();
    fixture
        .given(registered())
        .when(new EndSpecialCircumstanceCommand(childId, SpecialCircumstance.SC02, JUNE, "x", null))
        .expectNoEvents()
        .expectExceptionMessage("child.circumstance-not-active");
  }

  @Test
  void a_fact_dated_before_the_birth_or_in_the_future_is_invalid() {
    fixture
        .given(registered())
        .when(
            new IdentifySpecialCircumstanceCommand(
                childId, SpecialCircumstance.SC03, LocalDate.of(2010, 1, 1), null))
        .expectNoEvents()
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("identifiedOn=before-birth"));
    setUp();
    fixture
        .given(registered())
        .when(new RecordSupportCommand(childId, "cash", TODAY.plusDays(1), 500_000L, null, null))
        .expectNoEvents()
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("providedOn=future-date"));
  }

  @Test
  void support_is_recorded_in_the_childs_area() {
    fixture
        .given(registered())
        .when(new RecordSupportCommand(childId, "cash", JUNE, 500_000L, "Tết gift", null))
        .expectEvents(
            new SupportRecordedEvent(
                childId, "cash", JUNE, 500_000L, "Tết gift", AreaCode.of("06652")));
  }

  @Test
  void a_fatal_drowning_is_recorded_with_the_childs_age_on_that_day() {
    java.util.UUID incident = java.util.UUID.randomUUID();
    fixture
        .given(registered())
        .when(
            new RecordIncidentCommand(
                childId,
                incident,
                IncidentType.INJURY,
                JUNE,
                AreaCode.of("06655"),
                InjuryCause.DROWNING,
                true,
                null,
                null))
        .expectEvents(
            new IncidentRecordedEvent(
                childId,
                incident,
                IncidentType.INJURY,
                JUNE,
                AreaCode.of("06655"),
                InjuryCause.DROWNING,
                true,
                null,
                AT_11));
  }

  @Test
  void an_injury_needs_its_cause_and_other_incidents_have_none() {
    fixture
        .given(registered())
        .when(
            new RecordIncidentCommand(
                childId,
                java.util.UUID.randomUUID(),
                IncidentType.INJURY,
                JUNE,
                AreaCode.of("06652"),
                null,
                false,
                null,
                null))
        .expectNoEvents()
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("injuryCause=required"));
    setUp();
    fixture
        .given(registered())
        .when(
            new RecordIncidentCommand(
                childId,
                java.util.UUID.randomUUID(),
                IncidentType.CHILD_MARRIAGE,
                JUNE,
                AreaCode.of("06652"),
                InjuryCause.FALL,
                true,
                null,
                null))
        .expectNoEvents()
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("injuryCause=injury-only"));
  }

  IncidentRecordedEvent disasterIn(java.util.UUID incident) {
    return new IncidentRecordedEvent(
        childId,
        incident,
        IncidentType.DISASTER,
        JUNE,
        AreaCode.of("06652"),
        null,
        false,
        null,
        AT_11);
  }

  RecordIncidentCommand recordDisaster(java.util.UUID incident, LocalDate on) {
    return new RecordIncidentCommand(
        childId,
        incident,
        IncidentType.DISASTER,
        on,
        AreaCode.of("06652"),
        null,
        false,
        null,
        null);
  }

  @Test
  void the_same_incident_sent_again_changes_nothing() {
    java.util.UUID incident = java.util.UUID.randomUUID();
    fixture
        .given(registered(), disasterIn(incident))
        .when(recordDisaster(incident, JUNE))
        .expectNoEvents()
        .expectResultMessagePayload(new RecordIncidentResult(incident, 1, false));
  }

  @Test
  void the_same_incident_id_for_a_different_incident_is_rejected() {
    java.util.UUID incident = java.util.UUID.randomUUID();
    fixture
        .given(registered(), disasterIn(incident))
        .when(recordDisaster(incident, JUNE.plusDays(1)))
        .expectNoEvents()
        .expectExceptionMessage("child.incident-recorded");
  }

  static final vn.cpms.kernel.cases.CaseId CASE_A = vn.cpms.kernel.cases.CaseId.random();
  static final vn.cpms.kernel.cases.CaseId CASE_B = vn.cpms.kernel.cases.CaseId.random();

  static java.util.Map<String, Object> scope(String... areas) {
    return java.util.Map.of(vn.cpms.kernel.AccessScope.METADATA_KEY, List.of(areas));
  }

  @Test
  void the_child_follows_its_transferred_case_and_the_sending_commune_loses_it() {
    ChildRegisteredEvent registered =
        new ChildRegisteredEvent(childId, born(LocalDate.of(2015, 1, 1)), TODAY, null);
    AreaCode a = AreaCode.of("06652");
    AreaCode b = AreaCode.of("06655");
    fixture
        .given(
            registered,
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, CASE_A, a, true, List.of(a)))
        .when(new vn.cpms.kernel.children.FollowChildCaseCommand(childId, CASE_A, b, true))
        .expectEvents(
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, CASE_A, b, true, List.of(b)));
    // the sending commune's worker no longer reaches the child; the receiving one does
    fixture
        .given(
            registered,
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, CASE_A, b, true, List.of(b)))
        .when(new RecordSupportCommand(childId, "food", TODAY, null, null, null), scope("06652"))
        .expectException(vn.cpms.kernel.UnknownReferenceException.class);
    fixture
        .given(
            registered,
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, CASE_A, b, true, List.of(b)))
        .when(new RecordSupportCommand(childId, "food", TODAY, null, null, null), scope("06655"))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void two_open_cases_in_two_communes_share_the_child_and_the_same_state_again_changes_nothing() {
    AreaCode a = AreaCode.of("06652");
    AreaCode b = AreaCode.of("06655");
    fixture
        .given(
            new ChildRegisteredEvent(childId, born(LocalDate.of(2015, 1, 1)), TODAY, null),
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, CASE_A, a, true, List.of(a)))
        .when(new vn.cpms.kernel.children.FollowChildCaseCommand(childId, CASE_B, b, true))
        .expectEvents(
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, CASE_B, b, true, List.of(a, b)));
    fixture
        .given(
            new ChildRegisteredEvent(childId, born(LocalDate.of(2015, 1, 1)), TODAY, null),
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, CASE_A, a, true, List.of(a)))
        .when(new vn.cpms.kernel.children.FollowChildCaseCommand(childId, CASE_A, a, true))
        .expectNoEvents();
    // the last open case closes: the child stays with the commune of that case
    fixture
        .given(
            new ChildRegisteredEvent(childId, born(LocalDate.of(2015, 1, 1)), TODAY, null),
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, CASE_A, b, true, List.of(b)))
        .when(new vn.cpms.kernel.children.FollowChildCaseCommand(childId, CASE_A, b, false))
        .expectEvents(
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, CASE_A, b, false, List.of(b)));
  }

  @Test
  void an_erased_child_takes_no_new_fact_but_still_follows_its_cases() {
    ChildRegisteredEvent registered =
        new ChildRegisteredEvent(childId, born(LocalDate.of(2015, 1, 1)), TODAY, null);
    fixture
        .given(registered, new ChildIdentityErasedEvent(childId, NOW))
        .when(new RecordSupportCommand(childId, "food", TODAY, null, null, null))
        .expectNoEvents()
        .expectException(RuleViolationException.class);
    fixture
        .given(registered, new ChildIdentityErasedEvent(childId, NOW))
        .when(
            new vn.cpms.kernel.children.FollowChildCaseCommand(
                childId, CASE_A, AreaCode.of("06652"), false))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void an_erasure_needs_every_area_of_the_childs_cases() {
    AreaCode a = AreaCode.of("06652");
    AreaCode b = AreaCode.of("77001");
    fixture
        .given(
            new ChildRegisteredEvent(childId, born(LocalDate.of(2015, 1, 1)), TODAY, null),
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, CASE_A, a, true, List.of(a)),
            new vn.cpms.kernel.children.ChildCaseFollowedEvent(
                childId, CASE_B, b, true, List.of(a, b)))
        .when(new EraseChildIdentityCommand(childId), scope("06652"))
        .expectNoEvents()
        .expectException(InvalidInputException.class);
  }
}
