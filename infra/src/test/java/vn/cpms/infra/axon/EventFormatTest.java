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
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.Reporter;
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

  private static void assertStoredFormIs(Object event, String sample, String revision)
      throws IOException {
    SerializedObject<String> written = SERIALIZER.serialize(event, String.class);
    assertThat(written.getType().getRevision()).isEqualTo(revision);
    JsonNode expected;
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
