package vn.cpms.infra.axon;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stream of the tracking processors ({@code source: trackingEventSource}), over whichever event
 * store runs: PostgreSQL's, or Axon Server's with the profile {@code axonserver} (issue 18: the
 * worklist named a bean that existed only without Axon Server, so that profile did not start).
 */
@Configuration(proxyBeanMethods = false)
public class EventSourceConfiguration {
  /** Once caught up, events gather for {@code cpms.events.gather} (250 ms) before handling. */
  @Bean
  GatheringEventSource trackingEventSource(
      EventStore eventStore, @Value("${cpms.events.gather:PT0.25S}") Duration gather) {
    return new GatheringEventSource(eventStore, gather);
  }
}
