package vn.cpms.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseAssessedEvent;
import vn.cpms.kernel.cases.CaseAssignedEvent;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReopenedEvent;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.CaseStatus;
import vn.cpms.kernel.cases.CaseTransferredEvent;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.cases.InitialAssessmentDeadlineMissedEvent;
import vn.cpms.kernel.cases.InitialAssessmentRecordedEvent;
import vn.cpms.kernel.cases.Intervention;
import vn.cpms.kernel.cases.InterventionCompletedEvent;
import vn.cpms.kernel.cases.InterventionDeadlineMissedEvent;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.Reporter;
import vn.cpms.kernel.cases.RiskLevel;
import vn.cpms.kernel.cases.SupportPlanApprovedEvent;
import vn.cpms.kernel.cases.SupportPlanDeadlineMissedEvent;
import vn.cpms.kernel.cases.SupportPlanSubmittedEvent;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Guardian;
import vn.cpms.kernel.children.Sex;

/**
 * Events are forever: the stored JSON of each event revision is fixed by a sample file under {@code
 * src/test/resources/events/}. Writing must produce exactly that JSON, and reading the sample must
 * give the event back. A failing test here means a change of shape, which needs a new revision and
 * an upcaster, not a new sample.
 */
class EventFormatTest {
  static final Serializer SERIALIZER =
      JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
  static final ObjectMapper JSON = new ObjectMapper();

  static final CaseId CASE = new CaseId(UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001"));
  static final ChildId CHILD = new ChildId(UUID.fromString("6f1c2d3e-0000-4000-8000-000000000002"));

  @Test
  void case_reported_revision_1_keeps_its_stored_form() throws IOException {
    CaseReportedEvent event =
        new CaseReportedEvent(
            CASE,
            CHILD,
            Instant.parse("2026-03-01T01:15:00Z"),
            Channel.HOTLINE_111,
            AreaCode.of("06652"),
            List.of(AbuseForm.VIOLENCE, AbuseForm.NEGLECT),
            true,
            "synthetic description",
            new Reporter("Synthetic Reporter", "NEIGHBOUR", "0900000000"),
            new ChildFacts(Sex.FEMALE, 9, Ethnicity.of("01"), false),
            Instant.parse("2026-03-01T13:15:00Z"),
            null);
    assertStoredFormIs(event, "CaseReportedEvent.1.json", "1");
  }

  @Test
  void child_registered_revision_1_keeps_its_stored_form() throws IOException {
    ChildRegisteredEvent event =
        new ChildRegisteredEvent(
            CHILD,
            new ChildRegistration(
                "Synthetic Child",
                null,
                9,
                Sex.FEMALE,
                Ethnicity.of("01"),
                false,
                AreaCode.of("06652"),
                "Synthetic address",
                new Guardian("Synthetic Guardian", "MOTHER", "0900000001")),
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2017, 3, 1));
    assertStoredFormIs(event, "ChildRegisteredEvent.1.json", "1");
  }

  static final CaseId C = CASE;
  static final UUID INTERVENTION = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000003");
  static final Instant T = Instant.parse("2026-03-01T05:00:00Z");
  static final LocalDate D = LocalDate.of(2026, 3, 2);

  /** Every case event after the report, one sample each, revision 1. */
  static java.util.stream.Stream<Object> caseEvents() {
    return java.util.stream.Stream.of(
        new CaseAssignedEvent(C, "worker.a", T),
        new InitialAssessmentRecordedEvent(
            C, T, RiskLevel.HIGH, "synthetic measures", true, T.plusSeconds(86400)),
        new CaseAssessedEvent(C, T, true, List.of(AbuseForm.VIOLENCE), "synthetic needs"),
        new SupportPlanSubmittedEvent(
            C,
            T,
            "synthetic goals",
            List.of(new Intervention(INTERVENTION, InterventionType.MEDICAL, "health centre", D)),
            false),
        new SupportPlanApprovedEvent(C, T),
        new InterventionCompletedEvent(C, INTERVENTION, D, "synthetic outcome", true),
        new CaseTransferredEvent(C, AreaCode.of("06652"), AreaCode.of("06655"), "moved", T),
        new CaseReopenedEvent(C, D, "new report", CaseStatus.PLAN_APPROVED),
        new InitialAssessmentDeadlineMissedEvent(C, T),
        new SupportPlanDeadlineMissedEvent(C, T),
        new InterventionDeadlineMissedEvent(C, INTERVENTION, D));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("caseEvents")
  void every_case_event_keeps_its_stored_form(Object event) throws IOException {
    assertStoredFormIs(event, event.getClass().getSimpleName() + ".1.json", "1");
  }

  @Test
  void case_closed_revision_2_keeps_its_stored_form() throws IOException {
    assertStoredFormIs(
        new CaseClosedEvent(C, D, ClosureReason.SAFE, "worker.a"), "CaseClosedEvent.2.json", "2");
  }

  @Test
  void figure_recorded_revision_2_keeps_its_stored_form() throws IOException {
    assertStoredFormIs(
        new vn.cpms.kernel.statistics.FigureRecordedEvent(
            AreaCode.of("06652"), 2025, "T8a", 95.0, 100.0, null, "van-quan-2024"),
        "FigureRecordedEvent.2.json",
        "2");
  }

  private static void assertStoredFormIs(Object event, String sample, String revision)
      throws IOException {
    SerializedObject<String> written = SERIALIZER.serialize(event, String.class);
    assertThat(written.getType().getRevision()).isEqualTo(revision);
    JsonNode expected;
    if (Boolean.getBoolean("events.write-missing-samples")) {
      java.nio.file.Path file = java.nio.file.Path.of("src/test/resources/events", sample);
      if (!java.nio.file.Files.exists(file)) {
        java.nio.file.Files.writeString(
            file,
            JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(JSON.readTree(written.getData()))
                + "\n");
      }
    }
    try (InputStream in = EventFormatTest.class.getResourceAsStream("/events/" + sample)) {
      assertThat(in).as("sample " + sample).isNotNull();
      expected = JSON.readTree(in);
    }
    assertThat(JSON.readTree(written.getData())).isEqualTo(expected);
    Object read =
        SERIALIZER.deserialize(
            new SimpleSerializedObject<>(
                JSON.writeValueAsString(expected), String.class, written.getType()));
    assertThat(read).isEqualTo(event);
  }
}
