package vn.cpms.infra.axon;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import vn.cpms.infra.privacy.PersonalDataSerializer;

/**
 * Axon's JDBC event store that first readies, in one statement, the keys a transaction's events are
 * sealed with (issue 21: a report sent one upsert per key, the child's and the case's), then
 * appends them as Axon does.
 */
final class KeyedEventStorageEngine extends JdbcEventStorageEngine {
  KeyedEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
    super(builder);
  }

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    if (serializer instanceof PersonalDataSerializer sealing && events.size() > 1) {
      sealing.prepare(events.stream().map(EventMessage::getPayload).toList());
    }
    super.appendEvents(events, serializer);
  }
}
