package vn.cpms.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The equal-work baseline of M1 (issue 21): for each command, in one transaction, the rows a report
 * writes, copied from a report the application just stored: its events (the new child's
 * registration, the child following its case, the case's report: one JDBC batch, as the event store
 * sends them), its two keys (one statement), its deadline row and its audit row, into copies of the
 * same tables with the same indexes. What the application does beyond that (the command bus,
 * aggregates, serialization, encryption, reads) is what the ratio measures.
 */
final class EqualWork {
  /** A stored row: the table it came from, and its columns except those a sequence fills. */
  record Row(String table, List<String> columns, List<Object> values) {
    Object value(String column) {
      return values.get(columns.indexOf(column));
    }
  }

  static final List<String> TABLES =
      List.of("domainevententry", "personal_data_key", "scheduled_tasks", "audit_entry");

  private final List<Row> events;
  private final Row childKey;
  private final Row caseKey;
  private final Row deadline;
  private final Row audit;

  private EqualWork(List<Row> events, Row childKey, Row caseKey, Row deadline, Row audit) {
    this.events = events;
    this.childKey = childKey;
    this.caseKey = caseKey;
    this.deadline = deadline;
    this.audit = audit;
  }

  /** Copies of the four tables ({@code bench_<table>}), each with sequences of its own. */
  static void createTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String table : TABLES) {
        s.execute("create table bench_" + table + " (like " + table + " including all)");
        try (ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select column_name from information_schema.columns where table_name = '"
                        + table
                        + "' and column_default like 'nextval%'")) {
          while (rs.next()) {
            String sequence = "bench_" + table + "_" + rs.getString(1) + "_seq";
            s.execute("create sequence " + sequence);
            s.execute(
                "alter table bench_"
                    + table
                    + " alter column "
                    + rs.getString(1)
                    + " set default nextval('"
                    + sequence
                    + "')");
          }
        }
      }
    }
  }

  /**
   * The rows of the last report stored through the application: its events, keys, deadline, audit.
   */
  static EqualWork capture(Connection c) throws SQLException {
    String caseId;
    String childId;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select aggregateidentifier, convert_from(payload, 'UTF8')::jsonb ->> 'childId'"
                    + " from domainevententry where payloadtype ="
                    + " 'vn.cpms.kernel.cases.CaseReportedEvent' and sequencenumber = 0"
                    + " order by globalindex desc limit 1")) {
      rs.next();
      caseId = rs.getString(1);
      childId = rs.getString(2);
    }
    List<Row> events = new ArrayList<>();
    for (long sequence = 0; ; sequence++) {
      try {
        events.add(
            one(
                c,
                "domainevententry",
                "aggregateidentifier = ? and sequencenumber = " + sequence,
                childId));
      } catch (IllegalStateException none) {
        break;
      }
    }
    events.add(
        one(c, "domainevententry", "aggregateidentifier = ? and sequencenumber = 0", caseId));
    return new EqualWork(
        events,
        one(c, "personal_data_key", "subject_id = ?::uuid", childId),
        one(c, "personal_data_key", "subject_id = ?::uuid", caseId),
        deadline(c, caseId),
        one(c, "audit_entry", "action = 'COMMAND' and ? is not null order by id desc", caseId));
  }

  /** The report's deadline row: its serialized details name the case (any deadline otherwise). */
  private static Row deadline(Connection c, String caseId) throws SQLException {
    try {
      return one(c, "scheduled_tasks", "position(convert_to(?, 'UTF8') in task_data) > 0", caseId);
    } catch (IllegalStateException e) {
      return one(c, "scheduled_tasks", "? is not null", caseId);
    }
  }

  private static Row one(Connection c, String table, String where, String parameter)
      throws SQLException {
    List<String> generated = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select column_name from information_schema.columns where table_name = ?"
                + " and column_default like 'nextval%'")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          generated.add(rs.getString(1));
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("select * from " + table + " where " + where + " limit 1")) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no " + table + " row of the last report");
        }
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          if (!generated.contains(meta.getColumnName(i))) {
            columns.add(meta.getColumnName(i));
            values.add(rs.getObject(i));
          }
        }
        return new Row(table, List.copyOf(columns), Collections.unmodifiableList(values));
      }
    }
  }

  /** How many events a report stores. */
  int events() {
    return events.size();
  }

  /** Writes one report's rows in one transaction, with new identifiers. */
  void write(Connection c) throws SQLException {
    c.setAutoCommit(false);
    UUID caseId = UUID.randomUUID();
    UUID childId = UUID.randomUUID();
    try (PreparedStatement batch = c.prepareStatement(insert(events.get(0), 1))) {
      for (Row event : events) {
        boolean ofCase = event == events.get(events.size() - 1);
        bind(
            batch,
            0,
            event,
            Map.of(
                "aggregateidentifier",
                (ofCase ? caseId : childId).toString(),
                "eventidentifier",
                UUID.randomUUID().toString()));
        batch.addBatch();
      }
      batch.executeBatch();
    }
    try (PreparedStatement keys = c.prepareStatement(insert(childKey, 2))) {
      bind(keys, 0, childKey, Map.of("subject_id", childId, "owner_id", childId));
      bind(
          keys,
          childKey.columns().size(),
          caseKey,
          Map.of("subject_id", caseId, "owner_id", childId));
      keys.executeUpdate();
    }
    try (PreparedStatement task = c.prepareStatement(insert(deadline, 1))) {
      bind(task, 0, deadline, Map.of("task_instance", "bench-" + caseId));
      task.executeUpdate();
    }
    try (PreparedStatement row = c.prepareStatement(insert(audit, 1))) {
      bind(row, 0, audit, Map.of("resource_id", caseId.toString()));
      row.executeUpdate();
    }
    c.commit();
  }

  private static String insert(Row row, int rows) {
    String one = "(" + String.join(", ", Collections.nCopies(row.columns().size(), "?")) + ")";
    return "insert into bench_"
        + row.table()
        + " ("
        + String.join(", ", row.columns())
        + ") values "
        + String.join(", ", Collections.nCopies(rows, one));
  }

  private static void bind(PreparedStatement s, int offset, Row row, Map<String, Object> replaced)
      throws SQLException {
    for (int i = 0; i < row.columns().size(); i++) {
      String column = row.columns().get(i);
      Object value =
          replaced.containsKey(column) && row.values().get(i) != null
              ? replaced.get(column)
              : row.values().get(i);
      s.setObject(offset + i + 1, value);
    }
  }
}
