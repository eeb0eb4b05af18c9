package vn.cpms.infra.consistency;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits until read models have processed an event-store position. A processor has processed
 * position {@code n} when every one of its segments has: the segment's token has reached {@code n}
 * and does not hold {@code n} as a gap (an event the processor passed while its transaction was
 * still open, which it handles once the transaction commits: waited for, never skipped). A segment
 * claimed by this node is read from the processor's own status, which advances the moment a batch
 * commits; a segment claimed by another node from its token in {@code tokenentry}, which that node
 * stores with each batch and, when the segment had nothing to handle, at the claim extension (see
 * {@code ProcessorTuning}). Between looks it backs off from 2 to 50 ms.
 */
public class ReadModelGate {
  private static final long FIRST_PAUSE_MILLIS = 2;
  private static final long LONGEST_PAUSE_MILLIS = 50;

  private final EventProcessingConfiguration processing;
  private final JdbcTemplate jdbc;
  private final Serializer serializer;

  public ReadModelGate(
      EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer) {
    this.processing = processing;
    this.jdbc = jdbc;
    this.serializer = serializer;
  }

  /**
   * Returns once every processor in {@code processors} has processed {@code position}; throws
   * {@link ReadModelsBehindException} when that takes longer than {@code timeout}.
   */
  public void await(long position, Collection<String> processors, Duration timeout) {
    Set<String> behind = new LinkedHashSet<>(processors);
    long deadline = System.nanoTime() + timeout.toNanos();
    long pause = FIRST_PAUSE_MILLIS;
    while (true) {
      behind.removeIf(processor -> hasProcessed(processor, position));
      if (behind.isEmpty()) {
        return;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new ReadModelsBehindException(position, behind);
      }
      try {
        Thread.sleep(Math.max(1, Math.min(pause, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReadModelsBehindException(position, behind);
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
    }
  }

  /** Whether {@code processor} has processed {@code position} in every segment, on any node. */
  boolean hasProcessed(String processor, long position) {
    Map<Integer, EventTrackerStatus> local =
        processing
            .eventProcessor(processor, StreamingEventProcessor.class)
            .map(StreamingEventProcessor::processingStatus)
            .orElse(Map.of());
    if (coversEverySegment(local.values())) {
      return local.values().stream().allMatch(s -> covers(s.getTrackingToken(), position));
    }
    Map<Integer, TrackingToken> stored = storedTokens(processor);
    if (stored.isEmpty()) {
      return false;
    }
    for (Map.Entry<Integer, TrackingToken> segment : stored.entrySet()) {
      EventTrackerStatus here = local.get(segment.getKey());
      boolean done =
          (here != null && covers(here.getTrackingToken(), position))
              || covers(segment.getValue(), position);
      if (!done) {
        return false;
      }
    }
    return true;
  }

  /** Whether the segments of these statuses together make up the whole sequence space. */
  static boolean coversEverySegment(Collection<EventTrackerStatus> statuses) {
    if (statuses.isEmpty()) {
      return false;
    }
    long widest = statuses.stream().mapToLong(s -> s.getSegment().getMask()).max().orElse(0) + 1;
    long covered = 0;
    for (EventTrackerStatus status : statuses) {
      Segment segment = status.getSegment();
      covered += widest / (segment.getMask() + 1L);
    }
    return covered == widest;
  }

  /** Whether a segment at {@code token} has processed the event at {@code position}. */
  static boolean covers(TrackingToken token, long position) {
    TrackingToken reached = token == null ? null : WrappedToken.unwrapLowerBound(token);
    if (reached == null) {
      return false;
    }
    if (reached instanceof GapAwareTrackingToken gapAware) {
      return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
    }
    return reached.position().orElse(-1) >= position;
  }

  private Map<Integer, TrackingToken> storedTokens(String processor) {
    Map<Integer, TrackingToken> tokens = new HashMap<>();
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select segment, token, tokentype from tokenentry where processorname = ?", processor);
    for (Map<String, Object> row : rows) {
      byte[] token = (byte[]) row.get("token");
      String type = (String) row.get("tokentype");
      tokens.put(
          ((Number) row.get("segment")).intValue(),
          token == null || type == null
              ? null
              : serializer.deserialize(
                  new SimpleSerializedObject<>(token, byte[].class, type, null)));
    }
    return tokens;
  }
}
