package vn.cpms.infra.web.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cpms.infra.web.NotFoundException;

/**
 * The projections (national admin), for the API and the admin page: their state and dead letters,
 * and a rebuild beside the live tables ({@link vn.cpms.infra.operations.ShadowRebuild}).
 */
@org.springframework.stereotype.Service
public class Projections {
  private static final Logger log = LoggerFactory.getLogger(Projections.class);

  private final EventProcessingConfiguration processing;
  private final vn.cpms.infra.operations.ShadowRebuild rebuilds;

  public Projections(
      EventProcessingConfiguration processing, vn.cpms.infra.operations.ShadowRebuild rebuilds) {
    this.processing = processing;
    this.rebuilds = rebuilds;
  }

  /** Every projection's state, by name. */
  public List<Map<String, Object>> list() {
    return processing.eventProcessors().values().stream()
        .map(this::describe)
        .sorted((a, b) -> a.get("name").toString().compareTo(b.get("name").toString()))
        .toList();
  }

  /** One projection's state; 404 for an unknown name. */
  public Map<String, Object> get(String name) {
    return describe(processor(name));
  }

  /**
   * Rebuilds the projection beside its live tables, which keep answering, and switches when the
   * rebuilt one has caught up ({@link vn.cpms.infra.operations.ShadowRebuild}); answers at once,
   * {@code rebuilding: true} until the switch; 409 while one runs.
   */
  public Map<String, Object> rebuild(String name) {
    StreamingEventProcessor processor = processor(name);
    log.info("Rebuilding projection {}", name);
    rebuilds.start(name);
    return describe(processor);
  }

  private StreamingEventProcessor processor(String name) {
    return processing
        .eventProcessor(name, StreamingEventProcessor.class)
        .orElseThrow(() -> new NotFoundException("projection"));
  }

  private Map<String, Object> describe(EventProcessor processor) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", processor.getName());
    out.put("running", processor.isRunning());
    out.put("error", processor.isError());
    out.put("rebuilding", rebuilds.rebuilding(processor.getName()));
    if (processor instanceof StreamingEventProcessor streaming) {
      out.put("replaying", streaming.isReplaying());
      out.put(
          "position",
          streaming.processingStatus().values().stream()
              .mapToLong(s -> s.getCurrentPosition().orElse(-1))
              .max()
              .orElse(-1));
    }
    out.put(
        "deadLetterSequences",
        processing.deadLetterQueue(processor.getName()).map(q -> q.amountOfSequences()).orElse(0L));
    return out;
  }
}
