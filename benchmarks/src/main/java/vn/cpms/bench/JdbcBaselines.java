package vn.cpms.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hand-written JDBC sides of M1, M1h and M2 (and the warm-up): the equal-work baseline and
 * one-row inserts, each thread on a connection of its own.
 */
final class JdbcBaselines {
  private final Harness harness;

  JdbcBaselines(Harness harness) {
    this.harness = harness;
  }

  void createBaselineTables() throws SQLException {
    try (Connection c = harness.connect();
        Statement s = c.createStatement()) {
      // The same shape as the event table: a sequence, two unique keys, a bytea payload.
      s.execute(
          "create table bench_insert (id bigserial primary key, aggregate varchar(255) not null,"
              + " seq bigint not null, event_id varchar(255) not null unique, payload bytea not null,"
              + " unique (aggregate, seq))");
      s.execute("create table bench_worklist (like worklist_case including all)");
      EqualWork.createTables(c);
    }
  }

  /** The equal-work baseline: {@code n} reports' rows, a transaction each, from {@code threads}. */
  double equalWork(int n, int threads, EqualWork equal) throws Exception {
    return onConnections(n, threads, equal::write);
  }

  /** One-row inserts, autocommit: a commit per insert. */
  double jdbcInserts(int n, int threads, int payloadBytes) throws Exception {
    byte[] payload = payload(payloadBytes);
    return onConnections(n, threads, c -> insert(c, payload));
  }

  interface ConnectionTask {
    void run(Connection connection) throws Exception;
  }

  /**
   * Runs {@code task} {@code n} times on {@code threads} threads, each with a connection of its
   * own.
   */
  double onConnections(int n, int threads, ConnectionTask task) throws Exception {
    List<Connection> connections = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      connections.add(harness.connect());
    }
    ThreadLocal<Connection> mine = new ThreadLocal<>();
    AtomicInteger assigned = new AtomicInteger();
    try {
      return Harness.parallel(
          n,
          threads,
          i -> {
            if (mine.get() == null) {
              mine.set(connections.get(assigned.getAndIncrement()));
            }
            task.run(mine.get());
          });
    } finally {
      for (Connection c : connections) {
        c.close();
      }
    }
  }

  static byte[] payload(int size) {
    byte[] payload = new byte[Math.max(1, size)];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) ('a' + i % 26);
    }
    return payload;
  }

  static void insert(Connection c, byte[] payload) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into bench_insert (aggregate, seq, event_id, payload) values (?, 0, ?, ?)")) {
      s.setString(1, UUID.randomUUID().toString());
      s.setString(2, UUID.randomUUID().toString());
      s.setBytes(3, payload);
      s.executeUpdate();
    }
  }
}
