package vn.cpms.infra.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Each projection's progress on this node, for operators (issue 18): how many events the segments
 * it holds are behind the head of the event store, how many segments it holds, and how many events
 * it has parked. Gauges for Prometheus ({@code cpms_processor_lag_events}, {@code
 * cpms_processor_segments_claimed}, {@code cpms_processor_dead_letters}) and the details of the
 * {@code processors} health component. A node that holds no segment of a processor reports a lag of
 * 0 for it: the cluster's lag is the highest over the nodes.
 */
@Component("processorsHealthIndicator")
public class ProcessorMetrics implements MeterBinder, HealthIndicator {
  private final EventProcessingConfiguration processing;
  private final EventStore events;

  public ProcessorMetrics(EventProcessingConfiguration processing, EventStore events) {
    this.processing = processing;
    this.events = events;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String name : processing.eventProcessors().keySet()) {
      Gauge.builder("cpms.processor.lag", () -> lag(name))
          .tag("processor", name)
          .baseUnit("events")
          .description("events between the head of the store and this node's slowest segment")
          .register(registry);
      Gauge.builder("cpms.processor.segments.claimed", () -> claimed(name))
          .tag("processor", name)
          .description("segments of the processor this node holds")
          .register(registry);
      Gauge.builder("cpms.processor.dead.letters", () -> parked(name))
          .tag("processor", name)
          .description("events parked in the processor's dead-letter queue")
          .register(registry);
    }
  }

  @Override
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>();
    for (String name : processing.eventProcessors().keySet()) {
      Map<String, Object> one = new LinkedHashMap<>();
      streaming(name)
          .ifPresent(
              p -> {
                one.put("running", p.isRunning());
                one.put("error", p.isError());
              });
      one.put("claimedSegments", claimed(name));
      one.put("lagEvents", lag(name));
      one.put("deadLetters", parked(name));
      details.put(name, one);
    }
    return Health.up().withDetails(details).build();
  }

  private java.util.Optional<StreamingEventProcessor> streaming(String name) {
    return processing.eventProcessor(name, StreamingEventProcessor.class);
  }

  long lag(String name) {
    OptionalLong head = position(events.createHeadToken());
    if (head.isEmpty()) {
      return 0;
    }
    return streaming(name)
        .map(
            p ->
                p.processingStatus().values().stream()
                    .map(EventTrackerStatus::getCurrentPosition)
                    .mapToLong(position -> head.getAsLong() - position.orElse(0L))
                    .max()
                    .orElse(0L))
        .orElse(0L);
  }

  private static OptionalLong position(TrackingToken token) {
    return token == null ? OptionalLong.empty() : token.position();
  }

  int claimed(String name) {
    return streaming(name).map(p -> p.processingStatus().size()).orElse(0);
  }

  long parked(String name) {
    return processing.deadLetterQueue(name).map(q -> q.size()).orElse(0L);
  }
}
