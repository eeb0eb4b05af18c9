package vn.cpms.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import vn.cpms.kernel.cases.CaseClosedEvent;

/**
 * {@link CaseClosedEvent} revision 1 → 2: the worker who closed the case, {@code closedBy}, is
 * taken from the event's metadata ({@code username}, which every command sent through the API
 * carries), or null when the metadata has none. Stored revision-1 rows are never rewritten.
 */
public final class CaseClosedEventUpcaster extends SingleEventUpcaster {
  static final String TYPE = CaseClosedEvent.class.getName();

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
        payload -> {
          ObjectNode event = ((ObjectNode) payload).deepCopy();
          Object username = username(representation);
          if (username == null) {
            event.putNull("closedBy");
          } else {
            event.put("closedBy", username.toString());
          }
          return event;
        });
  }

  private static Object username(IntermediateEventRepresentation representation) {
    MetaData metaData = representation.getMetaData().getObject();
    return metaData == null ? null : metaData.get(AxonConfiguration.USERNAME);
  }
}
