package vn.cpms.infra.operations;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spreads the projections' segments over the nodes (issue 18). A processor claims every free
 * segment, so the first node would hold them all and the others only take over when it dies. Each
 * node says it is alive in {@code cluster_node} every few seconds; a node that holds more segments
 * of a processor than its fair share (segments ÷ live nodes, rounded up) releases one with Axon's
 * {@code releaseSegment}, for long enough that another node claims it. When nodes die, the fair
 * share grows and the survivors keep what they took over.
 */
@org.springframework.stereotype.Component
public class SegmentBalancer implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
  static final long INTERVAL_SECONDS = 5;
  static final long ALIVE_SECONDS = 15;
  static final long RELEASE_SECONDS = 30;

  private final EventProcessingConfiguration processing;
  private final JdbcTemplate jdbc;
  private final String node = ManagementFactory.getRuntimeMXBean().getName();
  private ScheduledExecutorService timer;

  public SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
    this.processing = processing;
    this.jdbc = jdbc;
  }

  @Override
  public synchronized void start() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "segment-balancer");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::balance, 1, INTERVAL_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
      try {
        jdbc.update("delete from cluster_node where node_id = ?", node);
      } catch (RuntimeException e) {
        log.debug("cluster_node not cleared: {}", e.toString());
      }
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }

  /** One round: say this node is alive, then release what is above the fair share. */
  void balance() {
    try {
      jdbc.update(
          "insert into cluster_node (node_id, seen_at) values (?, now()) on conflict (node_id)"
              + " do update set seen_at = now()",
          node);
      jdbc.update("delete from cluster_node where seen_at < now() - interval '1 minute'");
      Integer live =
          jdbc.queryForObject(
              "select count(*) from cluster_node where seen_at > now() - make_interval(secs => ?)",
              Integer.class,
              ALIVE_SECONDS);
      if (live == null || live < 2) {
        return;
      }
      processing
          .eventProcessors()
          .values()
          .forEach(
              p -> {
                if (p instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                  releaseExcess(streaming, live);
                }
              });
    } catch (RuntimeException e) {
      log.warn("Segment balancing skipped a round: {}", e.toString());
    }
  }

  private void releaseExcess(StreamingEventProcessor processor, int live) {
    Integer segments =
        jdbc.queryForObject(
            "select count(*) from tokenentry where processorname = ?",
            Integer.class,
            processor.getName());
    if (segments == null || segments < 2) {
      return;
    }
    int share = (segments + live - 1) / live;
    var held = processor.processingStatus();
    if (held.size() > share) {
      int segment = held.keySet().stream().max(Comparator.naturalOrder()).orElseThrow();
      log.info(
          "Releasing segment {} of {}: {} held, fair share {} over {} nodes",
          segment,
          processor.getName(),
          held.size(),
          share,
          live);
      processor.releaseSegment(segment, RELEASE_SECONDS, TimeUnit.SECONDS);
    }
  }
}
