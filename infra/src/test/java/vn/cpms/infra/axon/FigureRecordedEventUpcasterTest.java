package vn.cpms.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.statistics.FigureRecordedEvent;

/** A stored revision-1 {@link FigureRecordedEvent} reads as a figure for every plan. */
class FigureRecordedEventUpcasterTest {
  static final Serializer SERIALIZER =
      JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();

  @Test
  void a_figure_stored_before_plans_stands_for_every_plan_with_its_code() throws IOException {
    byte[] sample;
    try (InputStream in = getClass().getResourceAsStream("/events/FigureRecordedEvent.1.json")) {
      sample = in.readAllBytes();
    }
    SerializedObject<byte[]> meta = SERIALIZER.serialize(MetaData.emptyInstance(), byte[].class);
    GenericDomainEventEntry<byte[]> stored =
        new GenericDomainEventEntry<>(
            "ReportedFigure",
            "06652:2025:T8a",
            0,
            UUID.randomUUID().toString(),
            "2026-03-02T03:00:00Z",
            FigureRecordedEvent.class.getName(),
            "1",
            sample,
            meta.getData());
    List<IntermediateEventRepresentation> upcast =
        new EventUpcasterChain(new FigureRecordedEventUpcaster())
            .upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER)))
            .toList();
    assertThat(upcast).hasSize(1);
    IntermediateEventRepresentation event = upcast.get(0);
    assertThat(event.getType().getRevision()).isEqualTo("2");
    FigureRecordedEvent read =
        SERIALIZER.deserialize(
            new SimpleSerializedObject<>(
                event.getData(byte[].class).getData(), byte[].class, event.getType()));
    assertThat(read)
        .isEqualTo(
            new FigureRecordedEvent(AreaCode.of("06652"), 2025, "T8a", 95.0, 100.0, null, null));
  }
}
