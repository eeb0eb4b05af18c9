package vn.cpms.infra.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cpms.query.jdbc.ReadModel;

/**
 * Rebuilds a projection without downtime (issue 18). The live read model keeps answering while a
 * second processor, {@code <name>-rebuild}, replays every event through the same handlers into
 * empty copies of the projection's tables in a schema of their own ({@code rebuild_<name>}: its
 * transactions put that schema first on PostgreSQL's search path). Once it has caught up, the
 * switch runs in one transaction: the live tables are locked against writes (reads go on), the
 * replay finishes the last events, the copies replace the live tables (index names kept), and the
 * live processor, whose blocked batch fails on the dropped tables, carries on from its own position
 * into the new ones (its handlers are idempotent). Any failure drops the copies: the old model goes
 * on serving. The rebuild is registered in {@code projection_rebuild}, so that only one runs for a
 * projection across the nodes; a row left by a dead node expires after an hour.
 */
@org.springframework.stereotype.Component
public class ShadowRebuild {
  private static final Logger log = LoggerFactory.getLogger(ShadowRebuild.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration GIVE_UP = Duration.ofMinutes(30);
  private static final long NEAR = 1_000;

  private final ApplicationContext context;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Map<String, Running> running = new ConcurrentHashMap<>();

  private record Running(
      PooledStreamingEventProcessor processor, List<ScheduledExecutorService> threads) {}

  /** How long the replay may stay behind without moving before the rebuild is abandoned. */
  private final Duration errorLimit;

  public ShadowRebuild(
      ApplicationContext context,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      @org.springframework.beans.factory.annotation.Value("${cpms.rebuild.error-limit:PT30S}")
          Duration errorLimit) {
    this.context = context;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.errorLimit = errorLimit;
  }

  /** Whether a rebuild of {@code name} runs on any node. */
  public boolean rebuilding(String name) {
    Integer rows =
        jdbc.queryForObject(
            "select count(*) from projection_rebuild where name = ?"
                + " and started_at > now() - interval '1 hour'",
            Integer.class,
            name);
    return rows != null && rows > 0;
  }

  /** Starts the rebuild of {@code name} in the background; 409 when one already runs. */
  public void start(String name) {
    List<Object> handlers = handlersOf(name);
    List<String> tables = tablesOf(handlers);
    jdbc.update(
        "delete from projection_rebuild where name = ? and started_at < now() - interval '1 hour'",
        name);
    int claimed =
        jdbc.update(
            "insert into projection_rebuild (name, started_at) values (?, now())"
                + " on conflict (name) do nothing",
            name);
    if (claimed == 0) {
      throw new vn.cpms.kernel.RuleViolationException("projection.rebuild-running");
    }
    String schema = "rebuild_" + name.replaceAll("[^a-z0-9_]", "_");
    try {
      jdbc.execute("drop schema if exists " + schema + " cascade");
      jdbc.execute("create schema " + schema);
      for (String table : tables) {
        jdbc.execute(
            "create table " + schema + "." + table + " (like public." + table + " including all)");
      }
      jdbc.update("delete from tokenentry where processorname = ?", name + "-rebuild");
      ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
      ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
      ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
      PooledStreamingEventProcessor processor =
          processor(name, schema, handlers, coordinator, workers);
      running.put(name, new Running(processor, List.of(watcher, coordinator, workers)));
      processor.start();
      watcher.execute(() -> watch(name, schema, tables));
      log.info("Rebuilding projection {} into {} beside the live tables", name, schema);
    } catch (RuntimeException e) {
      abandon(name, schema, e);
      throw e;
    }
  }

  private void watch(String name, String schema, List<String> tables) {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    try {
      PooledStreamingEventProcessor processor = running.get(name).processor();
      // close behind the head: the switch finishes the last events with the live writes paused
      long position = -1;
      long movedAt = System.nanoTime();
      while (!caughtUp(processor, head() - NEAR)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the rebuild did not catch up in " + GIVE_UP);
        }
        // behind and not moving: a handler keeps failing on an event (or the replay is stuck)
        long now = position(processor);
        if (now != position) {
          position = now;
          movedAt = System.nanoTime();
        } else if (System.nanoTime() - movedAt > errorLimit.toNanos()) {
          throw new IllegalStateException("the replay made no progress for " + errorLimit);
        }
        Thread.sleep(POLL.toMillis());
      }
      switchOver(name, schema, tables, processor);
      finish(name, schema);
      log.info("Projection {} rebuilt and switched", name);
    } catch (Exception e) {
      abandon(name, schema, e);
    }
  }

  /**
   * The switch, in one transaction: writes to the live tables wait, the replay reaches the head as
   * it was then, and the copies take the live tables' place.
   */
  private void switchOver(
      String name, String schema, List<String> tables, PooledStreamingEventProcessor processor) {
    transactions.executeWithoutResult(
        status -> {
          jdbc.execute("set local lock_timeout = '10s'");
          jdbc.execute(
              "lock table "
                  + String.join(", ", tables.stream().map(t -> "public." + t).toList())
                  + " in exclusive mode");
          long head = head();
          long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
          while (!caughtUp(processor, head)) {
            // the live writes wait meanwhile: a failing replay gives up at once
            if (processor.isError() || System.nanoTime() > deadline) {
              throw new IllegalStateException("the rebuild did not reach the head to switch");
            }
            sleep();
          }
          processor.shutDown();
          for (String table : tables) {
            List<Map<String, Object>> names =
                jdbc.queryForList(
                    "select indexname, indexdef from pg_indexes where schemaname = 'public'"
                        + " and tablename = ?",
                    table);
            jdbc.execute("drop table public." + table);
            jdbc.execute("alter table " + schema + "." + table + " set schema public");
            keepIndexNames(table, names);
          }
        });
  }

  /** The moved table's indexes take the names the live table's had (migrations name them). */
  private void keepIndexNames(String table, List<Map<String, Object>> before) {
    List<Map<String, Object>> now =
        jdbc.queryForList(
            "select indexname, indexdef from pg_indexes where schemaname = 'public'"
                + " and tablename = ?",
            table);
    for (Map<String, Object> index : now) {
      String current = (String) index.get("indexname");
      String shape = shape((String) index.get("indexdef"));
      for (Map<String, Object> old : before) {
        String name = (String) old.get("indexname");
        if (shape.equals(shape((String) old.get("indexdef"))) && !name.equals(current)) {
          jdbc.execute("alter index public." + current + " rename to " + name);
        }
      }
    }
  }

  /** An index definition without its name and schema: what it indexes, and how. */
  static String shape(String indexdef) {
    return indexdef.replaceFirst("INDEX \\S+ ON \\S+\\.", "INDEX ON ");
  }

  private void finish(String name, String schema) {
    stop(name);
    jdbc.execute("drop schema if exists " + schema + " cascade");
    jdbc.update("delete from tokenentry where processorname = ?", name + "-rebuild");
    jdbc.update("delete from projection_rebuild where name = ?", name);
  }

  private void abandon(String name, String schema, Exception cause) {
    log.error(
        "Rebuild of projection {} abandoned, the live read model goes on serving: {}",
        name,
        cause.toString());
    try {
      finish(name, schema);
    } catch (RuntimeException e) {
      log.warn("Could not clean up the rebuild of {}: {}", name, e.toString());
    }
  }

  private void stop(String name) {
    Running r = running.remove(name);
    if (r != null) {
      r.processor().shutDown();
      r.threads().forEach(ScheduledExecutorService::shutdown);
    }
  }

  /** The replay's lowest position over its segments; -1 before it has one. */
  private static long position(PooledStreamingEventProcessor processor) {
    return processor.processingStatus().values().stream()
        .mapToLong(s -> s.getCurrentPosition().orElse(-1L))
        .min()
        .orElse(-1L);
  }

  private boolean caughtUp(PooledStreamingEventProcessor processor, long head) {
    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
    if (status.isEmpty() || processor.isError()) {
      return false;
    }
    return status.values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1L) >= head);
  }

  private long head() {
    OptionalLong position =
        Optional.ofNullable(context.getBean(EventStore.class).createHeadToken())
            .map(t -> t.position())
            .orElse(OptionalLong.empty());
    return position.orElse(-1L);
  }

  private PooledStreamingEventProcessor processor(
      String name,
      String schema,
      List<Object> handlers,
      ScheduledExecutorService coordinator,
      ScheduledExecutorService workers) {
    Configuration axon = context.getBean(Configuration.class);
    TransactionManager live = context.getBean(TransactionManager.class);
    TransactionManager shadow =
        () -> {
          Transaction transaction = live.startTransaction();
          jdbc.execute("set local search_path to " + schema + ", public");
          return transaction;
        };
    return PooledStreamingEventProcessor.builder()
        .name(name + "-rebuild")
        .eventHandlerInvoker(
            SimpleEventHandlerInvoker.builder()
                .eventHandlers(handlers)
                .handlerDefinition(axon.handlerDefinition(handlers.get(0).getClass()))
                .parameterResolverFactory(axon.parameterResolverFactory())
                // a handler that fails fails the replay (never a skipped event in the new model)
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build())
        .errorHandler(PropagatingErrorHandler.instance())
        .messageSource(context.getBean(EventStore.class))
        .tokenStore(context.getBean(TokenStore.class))
        .transactionManager(shadow)
        .coordinatorExecutor(coordinator)
        .workerExecutor(workers)
        .initialSegmentCount(1)
        .batchSize(500)
        .build();
  }

  private List<Object> handlersOf(String name) {
    List<Object> handlers = new ArrayList<>();
    for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
      ProcessingGroup group = bean.getClass().getAnnotation(ProcessingGroup.class);
      if (group != null && group.value().equals(name) && bean instanceof ReadModel) {
        handlers.add(bean);
      }
    }
    if (handlers.isEmpty()) {
      throw new vn.cpms.infra.web.NotFoundException("projection");
    }
    return handlers;
  }

  private static List<String> tablesOf(List<Object> handlers) {
    return handlers.stream().flatMap(h -> ((ReadModel) h).tables().stream()).toList();
  }

  private static void sleep() {
    try {
      TimeUnit.MILLISECONDS.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
