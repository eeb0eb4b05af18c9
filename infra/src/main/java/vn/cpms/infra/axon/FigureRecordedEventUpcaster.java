package vn.cpms.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import vn.cpms.kernel.statistics.FigureRecordedEvent;

/**
 * {@link FigureRecordedEvent} revision 1 → 2: a figure recorded before figures belonged to one
 * plan's indicator stands for every plan that has the code ({@code planId} null). Stored revision-1
 * rows are never rewritten.
 */
public final class FigureRecordedEventUpcaster extends SingleEventUpcaster {
  static final String TYPE = FigureRecordedEvent.class.getName();

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return TYPE.equals(representation.getType().getName())
        && "1".equals(representation.getType().getRevision());
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    return representation.upcastPayload(
        new SimpleSerializedType(TYPE, "2"),
        JsonNode.class,
        payload -> ((ObjectNode) payload).deepCopy().putNull("planId"));
  }
}
