package vn.cpms.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import vn.cpms.infra.axon.EventJson;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.cases.Reporter;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Guardian;
import vn.cpms.kernel.children.Sex;

class PersonalDataSerializerTest {
  /** Keys in memory instead of the database; removing one erases its subject. */
  static final class MemoryKeys extends PersonalDataKeys {
    final Map<UUID, SecretKey> keys = new ConcurrentHashMap<>();

    MemoryKeys() {
      super(null, "unit-test-master-key-0123456789", Clock.systemUTC());
    }

    @Override
    public Optional<SecretKey> keyForWriting(UUID subject, UUID owner) {
      return Optional.of(keys.computeIfAbsent(subject, s -> newKey()));
    }

    @Override
    public Optional<SecretKey> keyForReading(UUID subject) {
      return Optional.ofNullable(keys.get(subject));
    }

    static SecretKey newKey() {
      try {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  final MemoryKeys keys = new MemoryKeys();
  final PersonalDataSerializer serializer =
      new PersonalDataSerializer(
          JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build(),
          EventJson.objectMapper(),
          keys);

  final ChildId child = ChildId.random();
  final CaseId caseId = CaseId.random();

  CaseReportedEvent report() {
    return new CaseReportedEvent(
        caseId,
        child,
        Instant.parse("2026-03-01T01:15:00Z"),
        Channel.HOTLINE_111,
        AreaCode.of("06652"),
        List.of(AbuseForm.VIOLENCE),
        true,
        "Synthetic private description",
        new Reporter("Synthetic Reporter", "NEIGHBOUR", "0900000001"),
        new ChildFacts(Sex.FEMALE, 9, Ethnicity.of("01"), false),
        Instant.parse("2026-03-01T13:15:00Z"),
        null);
  }

  @Test
  void the_personal_fields_of_each_event_are_found_nested_records_included() {
    assertThat(serializer.personalPaths(ChildRegisteredEvent.class))
        .containsExactlyInAnyOrder(
            List.of("registration", "fullName"),
            List.of("registration", "birthDate"),
            List.of("registration", "address"),
            List.of("registration", "guardian"));
    assertThat(serializer.personalPaths(CaseReportedEvent.class))
        .containsExactlyInAnyOrder(List.of("description"), List.of("reporter"));
    assertThat(serializer.personalPaths(CaseClosedEvent.class)).isEmpty();
  }

  @Test
  void stored_json_holds_no_personal_value_and_reads_back_as_the_same_event() {
    SerializedObject<String> stored = serializer.serialize(report(), String.class);
    assertThat(stored.getData())
        .doesNotContain("Synthetic", "0900000001")
        .contains("\"areaCode\":\"06652\"", "\"ageYears\":9", "pd1:" + caseId.value());
    assertThat((Object) serializer.deserialize(stored)).isEqualTo(report());
  }

  @Test
  void once_the_key_is_erased_the_personal_fields_read_as_null_and_the_rest_stays() {
    SerializedObject<String> stored = serializer.serialize(report(), String.class);
    keys.keys.remove(caseId.value());
    CaseReportedEvent read = serializer.deserialize(stored);
    assertThat(read.description()).isNull();
    assertThat(read.reporter()).isNull();
    assertThat(read.child()).isEqualTo(report().child());
    assertThat(read.suspectedForms()).containsExactly(AbuseForm.VIOLENCE);
  }

  @Test
  void a_registration_keeps_sex_ethnicity_and_area_in_clear() {
    ChildRegisteredEvent event =
        new ChildRegisteredEvent(
            child,
            new ChildRegistration(
                "Synthetic Child",
                LocalDate.of(2016, 2, 29),
                null,
                Sex.MALE,
                Ethnicity.of("05"),
                true,
                AreaCode.of("06652"),
                "Synthetic address",
                new Guardian("Synthetic Guardian", "MOTHER", "0900000002")),
            LocalDate.of(2026, 3, 1),
            null);
    String json = serializer.serialize(event, String.class).getData();
    assertThat(json)
        .doesNotContain("Synthetic", "2016-02-29", "0900000002")
        .contains("\"sex\":\"MALE\"", "\"ethnicity\":\"05\"", "\"disability\":true");
  }

  @Test
  void an_event_stored_before_encryption_is_read_as_it_is() {
    String legacy =
        JacksonSerializer.builder()
            .objectMapper(EventJson.objectMapper())
            .build()
            .serialize(report(), String.class)
            .getData();
    assertThat(legacy).contains("Synthetic private description");
    CaseReportedEvent read =
        serializer.deserialize(
            new org.axonframework.serialization.SimpleSerializedObject<>(
                legacy, String.class, serializer.typeForClass(CaseReportedEvent.class)));
    assertThat(read).isEqualTo(report());
  }

  @Test
  void an_event_without_personal_fields_is_left_alone() {
    CaseClosedEvent closed =
        new CaseClosedEvent(caseId, LocalDate.of(2026, 3, 2), ClosureReason.SAFE, "worker.a");
    SerializedObject<String> stored = serializer.serialize(closed, String.class);
    assertThat(stored.getData()).doesNotContain("pd1:");
    assertThat((Object) serializer.deserialize(stored)).isEqualTo(closed);
  }

  @Test
  void the_provider_of_each_planned_intervention_is_sealed_and_its_type_and_date_stay() {
    var plan =
        new vn.cpms.kernel.cases.SupportPlanSubmittedEvent(
            caseId,
            Instant.parse("2026-03-03T01:00:00Z"),
            "Synthetic goals",
            List.of(
                new vn.cpms.kernel.cases.Intervention(
                    UUID.randomUUID(),
                    vn.cpms.kernel.cases.InterventionType.MEDICAL,
                    "Synthetic Clinic at 12 Hidden Lane",
                    java.time.LocalDate.of(2026, 4, 1)),
                new vn.cpms.kernel.cases.Intervention(
                    UUID.randomUUID(),
                    vn.cpms.kernel.cases.InterventionType.PSYCHOSOCIAL,
                    "Synthetic Counsellor Nguyen",
                    java.time.LocalDate.of(2026, 5, 1))),
            true);
    assertThat(serializer.personalPaths(plan.getClass()))
        .contains(List.of("interventions", PersonalDataSerializer.EACH, "provider"));
    SerializedObject<String> stored = serializer.serialize(plan, String.class);
    assertThat(stored.getData())
        .doesNotContain("Hidden Lane", "Counsellor")
        .contains("MEDICAL", "2026-04-01");
    assertThat((Object) serializer.deserialize(stored)).isEqualTo(plan);
    keys.keys.remove(caseId.value());
    var erased = (vn.cpms.kernel.cases.SupportPlanSubmittedEvent) serializer.deserialize(stored);
    assertThat(erased.interventions()).allSatisfy(i -> assertThat(i.provider()).isNull());
    assertThat(erased.interventions().get(0).type())
        .isEqualTo(vn.cpms.kernel.cases.InterventionType.MEDICAL);
  }
}
