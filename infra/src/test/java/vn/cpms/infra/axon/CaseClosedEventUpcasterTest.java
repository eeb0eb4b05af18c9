package vn.cpms.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.ClosureReason;

/** A stored revision-1 {@link CaseClosedEvent} (the sample file) reads as revision 2. */
class CaseClosedEventUpcasterTest {
  static final Serializer SERIALIZER =
      JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();

  static byte[] revision1Sample() throws IOException {
    try (InputStream in =
        CaseClosedEventUpcasterTest.class.getResourceAsStream("/events/CaseClosedEvent.1.json")) {
      return in.readAllBytes();
    }
  }

  static CaseClosedEvent upcastAndRead(MetaData metaData) throws IOException {
    SerializedObject<byte[]> meta = SERIALIZER.serialize(metaData, byte[].class);
    GenericDomainEventEntry<byte[]> stored =
        new GenericDomainEventEntry<>(
            "ChildCase",
            "6f1c2d3e-0000-4000-8000-000000000001",
            3,
            UUID.randomUUID().toString(),
            "2026-03-02T03:00:00Z",
            CaseClosedEvent.class.getName(),
            "1",
            revision1Sample(),
            meta.getData());
    List<IntermediateEventRepresentation> upcast =
        new EventUpcasterChain(new CaseClosedEventUpcaster())
            .upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER)))
            .toList();
    assertThat(upcast).hasSize(1);
    IntermediateEventRepresentation event = upcast.get(0);
    assertThat(event.getType().getName()).isEqualTo(CaseClosedEvent.class.getName());
    assertThat(event.getType().getRevision()).isEqualTo("2");
    byte[] payload = event.getData(byte[].class).getData();
    return SERIALIZER.deserialize(
        new SimpleSerializedObject<>(payload, byte[].class, event.getType()));
  }

  @Test
  void revision_1_gets_the_worker_who_closed_the_case_from_its_metadata() throws IOException {
    CaseClosedEvent read = upcastAndRead(MetaData.with("username", "worker.old"));
    assertThat(read)
        .isEqualTo(
            new CaseClosedEvent(
                new CaseId(UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001")),
                LocalDate.of(2026, 3, 2),
                ClosureReason.SAFE,
                "worker.old"));
  }

  @Test
  void revision_1_without_a_recorded_user_has_no_closed_by() throws IOException {
    assertThat(upcastAndRead(MetaData.emptyInstance()).closedBy()).isNull();
  }

  @Test
  void revision_2_is_left_alone() {
    var representation =
        new InitialEventRepresentation(
            new GenericDomainEventEntry<>(
                "ChildCase",
                "6f1c2d3e-0000-4000-8000-000000000001",
                3,
                UUID.randomUUID().toString(),
                "2026-03-02T03:00:00Z",
                CaseClosedEvent.class.getName(),
                "2",
                "{}".getBytes(),
                "{}".getBytes()),
            SERIALIZER);
    assertThat(new CaseClosedEventUpcaster().canUpcast(representation)).isFalse();
  }
}
