package vn.cpms.query.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The writes of one projection, held for the unit of work (a processor's batch of up to 100 events)
 * and sent to PostgreSQL as JDBC batches just before it commits: a replay sends a few round trips
 * per batch instead of one per event.
 *
 * <p>Each write names the key of the rows it touches (a case). Writes to one key keep their order;
 * writes to different keys touch different rows and may be sent side by side, so the n-th writes of
 * every key in the batch go together, one JDBC batch per statement. A write that may touch any key
 * ({@link #updateAll}) is a barrier: everything before it is sent first.
 *
 * <p>An event whose handler fails is dead-lettered (Axon's dead-letter queue) and must leave
 * nothing behind: {@link #mark}/{@link #discardSince} drop what its handler had queued, at no cost.
 * A write that PostgreSQL refuses only fails when the batch is sent, after the handlers: the batch
 * is then rolled back and retried by the processor, and {@link #failed} makes that retry write at
 * once, each handler in a savepoint, so that the one refused event goes to the dead-letter queue
 * and the others are stored. Once a retried batch commits, its events are back to batched writing.
 *
 * <p>Outside a unit of work (tests calling a handler directly, start-up) every write is sent at
 * once. Each application's writers are kept by its {@link ProjectionWrites}: nothing is shared
 * between two applications in one JVM (issue 18: no static mutable state).
 */
public final class BatchedWrites {
  private static final Object ALL = new Object();

  private final String group;
  private final NamedParameterJdbcTemplate jdbc;

  /** The identifiers of events whose batch failed: written at once until it commits. */
  private final Set<String> retrying = ConcurrentHashMap.newKeySet();

  /** Where the current batch's queue is kept among the unit of work's resources. */
  private final String resourceKey;

  private record Write(Object key, String sql, SqlParameterSource params) {}

  public BatchedWrites(String group, NamedParameterJdbcTemplate jdbc) {
    this.group = group;
    this.jdbc = jdbc;
    this.resourceKey = "BatchedWrites[" + group + "]@" + System.identityHashCode(this);
  }

  /** Queues a write to the rows of {@code key}, kept in order with the other writes to that key. */
  public void update(Object key, String sql, SqlParameterSource params) {
    List<Write> pending = pending();
    if (pending == null) {
      try {
        jdbc.update(sql, params);
      } catch (RuntimeException e) {
        throw RefusedWrite.of(group, e);
      }
    } else {
      pending.add(new Write(key, sql, params));
    }
  }

  /** Queues a write that may touch the rows of any key: the writes queued before go first. */
  public void updateAll(String sql, SqlParameterSource params) {
    update(ALL, sql, params);
  }

  /**
   * Whether the current batch queues its writes: false outside a batch and while a failed batch is
   * retried.
   */
  public boolean deferring() {
    return pending() != null;
  }

  /** How many writes the current batch has queued. */
  public int mark() {
    List<Write> pending = pending();
    return pending == null ? 0 : pending.size();
  }

  /** Drops the writes queued since {@code mark}: those of a handler that failed. */
  public void discardSince(int mark) {
    List<Write> pending = pending();
    if (pending != null && pending.size() > mark) {
      pending.subList(mark, pending.size()).clear();
    }
  }

  /**
   * Marks the current batch as failed: until it commits, the batches with any of its events write
   * at once, in a savepoint per handler.
   */
  public void failed() {
    if (!CurrentUnitOfWork.isStarted()) {
      return;
    }
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    Set<String> ids = identifiers(root);
    retrying.addAll(ids);
    root.afterCommit(u -> retrying.removeAll(ids));
  }

  /** The current batch's queue of writes, or null when they are to be sent at once. */
  private List<Write> pending() {
    if (!CurrentUnitOfWork.isStarted()) {
      return null;
    }
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    Object pending =
        root.resources()
            .computeIfAbsent(
                resourceKey,
                key -> {
                  if (retrying(root)) {
                    return Boolean.FALSE;
                  }
                  List<Write> writes = new ArrayList<>();
                  root.onPrepareCommit(u -> send(writes));
                  return writes;
                });
    @SuppressWarnings("unchecked")
    List<Write> writes = pending instanceof List<?> ? (List<Write>) pending : null;
    return writes;
  }

  private boolean retrying(UnitOfWork<?> root) {
    if (retrying.isEmpty()) {
      return false;
    }
    Set<String> ids = identifiers(root);
    if (ids.stream().noneMatch(retrying::contains)) {
      return false;
    }
    root.afterCommit(u -> retrying.removeAll(ids));
    return true;
  }

  private static Set<String> identifiers(UnitOfWork<?> root) {
    Set<String> ids = new HashSet<>();
    if (root instanceof BatchingUnitOfWork<?> batch) {
      for (Message<?> message : batch.getMessages()) {
        ids.add(message.getIdentifier());
      }
    } else {
      ids.add(root.getMessage().getIdentifier());
    }
    return ids;
  }

  /**
   * Sends the queued writes: up to each barrier, the n-th writes of every key together, one JDBC
   * batch per statement. If PostgreSQL refuses one, the batch is marked failed (see above).
   */
  private void send(List<Write> writes) {
    try {
      int from = 0;
      while (from < writes.size()) {
        int to = from;
        while (to < writes.size() && writes.get(to).key() != ALL) {
          to++;
        }
        sendByKey(writes.subList(from, to));
        if (to < writes.size()) {
          jdbc.update(writes.get(to).sql(), writes.get(to).params());
          to++;
        }
        from = to;
      }
    } catch (RuntimeException e) {
      failed();
      throw RefusedWrite.of(group, e);
    }
  }

  private void sendByKey(List<Write> writes) {
    Map<Object, Integer> perKey = new HashMap<>();
    List<Map<String, List<SqlParameterSource>>> rounds = new ArrayList<>();
    for (Write write : writes) {
      int round = perKey.merge(write.key(), 1, Integer::sum) - 1;
      if (round == rounds.size()) {
        rounds.add(new LinkedHashMap<>());
      }
      rounds.get(round).computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.params());
    }
    for (Map<String, List<SqlParameterSource>> round : rounds) {
      round.forEach(
          (sql, params) -> {
            if (params.size() == 1) {
              jdbc.update(sql, params.get(0));
            } else {
              jdbc.batchUpdate(sql, params.toArray(SqlParameterSource[]::new));
            }
          });
    }
  }
}
