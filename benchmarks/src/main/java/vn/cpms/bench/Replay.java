package vn.cpms.bench;

import static vn.cpms.bench.Benchmark.f;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import vn.cpms.infra.axon.EventJson;
import vn.cpms.infra.privacy.PersonalDataKeys;
import vn.cpms.infra.privacy.PersonalDataSerializer;

/**
 * M4: a replay of the worklist projection against a hand-written JDBC worklist (read the event
 * table, parse, batched upserts) on as many threads, over the same history.
 */
final class Replay extends MetricGroup {
  Replay(Benchmark benchmark, Harness harness) {
    super(benchmark, harness);
  }

  void measureReplay() throws Exception {
    long events = harness.storedEvents();
    int threads = worklistThreads();
    // a first round of each side warms up the JIT (a replay runs in a started application), then
    // the measured rounds, alternating
    replayWorklist();
    handWrittenWorklist(threads);
    Rounds replay = new Rounds();
    Rounds hand = new Rounds();
    long baselineRows = 0;
    for (int round = 0; round < benchmark.rounds; round++) {
      replay.add(events / (replayWorklist() / 1e9));
      long t0 = System.nanoTime();
      baselineRows = handWrittenWorklist(threads);
      hand.add(events / ((System.nanoTime() - t0) / 1e9));
    }
    long rows = harness.queryLong("select count(*) from worklist_case");
    benchmark.print(
        "M4 ratio="
            + f(replay.median() / hand.median())
            + " replay_events/s="
            + f(replay.median())
            + " replay_events/s_spread="
            + replay.spread()
            + " jdbc_events/s="
            + f(hand.median())
            + " jdbc_events/s_spread="
            + hand.spread()
            + " threads="
            + threads
            + " rounds="
            + benchmark.rounds
            + " batch="
            + worklistBatchSize()
            + " events="
            + events
            + " rows="
            + rows
            + " jdbc_rows="
            + baselineRows
            + " described="
            + harness.queryLong("select count(*) from worklist_case where description is not null")
            + " jdbc_described="
            + harness.queryLong(
                "select count(*) from bench_worklist where description is not null"));
  }

  /** The worklist processor's batch size, which the hand-written replay commits by too. */
  int worklistBatchSize() {
    return harness
        .app
        .getEnvironment()
        .getProperty("axon.eventhandling.processors.worklist.batch-size", Integer.class, 100);
  }

  /** The worklist processor's threads, which the hand-written replay is given too. */
  int worklistThreads() {
    return harness
        .app
        .getEnvironment()
        .getProperty("axon.eventhandling.processors.worklist.thread-count", Integer.class, 1);
  }

  /** The hand-written worklist on {@code threads} threads, each its share of the cases. */
  long handWrittenWorklist(int threads) throws Exception {
    try (Connection c = harness.connect();
        Statement truncate = c.createStatement()) {
      truncate.execute("truncate bench_worklist");
    }
    Harness.parallel(threads, threads, segment -> handWrittenWorklist(segment, threads));
    return harness.queryLong("select count(*) from bench_worklist");
  }

  /** Replays the worklist from the first event; returns the nanoseconds it took. */
  long replayWorklist() throws Exception {
    return harness.replayFromStart("worklist", Duration.ofMinutes(30));
  }

  /**
   * The worklist by hand: read the event table in order, parse the payload of each event of this
   * segment's cases, and upsert the rows, a transaction per as many events read as the worklist
   * processor's batch size, as a processor's thread does.
   */
  void handWrittenWorklist(int segment, int segments) throws Exception {
    ObjectMapper json = EventJson.objectMapper();
    PersonalDataKeys keys = harness.app.getBean(PersonalDataKeys.class);
    int batchSize = worklistBatchSize();
    try (Connection read = harness.connect();
        Connection write = harness.connect()) {
      read.setAutoCommit(false);
      write.setAutoCommit(false);
      PreparedStatement upsert =
          write.prepareStatement(
              "insert into bench_worklist (case_id, child_id, status, area_code,"
                  + " reported_area_code, channel, reported_at, suspected_forms, serious_danger,"
                  + " description, child_sex, child_age_years, initial_assessment_due_at,"
                  + " initial_assessment_done, version) values (?, ?, 'REPORTED', ?, ?, ?, ?, ?,"
                  + " ?, ?, ?, ?, ?, false, ?) on conflict (case_id) do nothing");
      PreparedStatement assign =
          write.prepareStatement(
              "update bench_worklist set assignee = ?, status = case when status = 'REPORTED'"
                  + " then 'ASSIGNED' else status end, version = ? where case_id = ? and version < ?");
      PreparedStatement initial =
          write.prepareStatement(
              "update bench_worklist set status = 'INITIALLY_ASSESSED', initially_assessed_at = ?,"
                  + " initial_assessment_done = true, risk_level = ?, plan_due_at = ?, version = ?"
                  + " where case_id = ? and version < ?");
      PreparedStatement assessed =
          write.prepareStatement(
              "update bench_worklist set status = 'ASSESSED', abuse_confirmed = ?,"
                  + " confirmed_forms = ?, version = ? where case_id = ? and version < ?");
      PreparedStatement closed =
          write.prepareStatement(
              "update bench_worklist set status = 'CLOSED', closed_on = ?, closure_reason = ?,"
                  + " version = ? where case_id = ? and version < ?");
      try (PreparedStatement s =
          read.prepareStatement(
              "select e.payloadtype, e.payload, e.sequencenumber, case when e.payloadtype ="
                  + " 'vn.cpms.kernel.cases.CaseReportedEvent' then (select k.wrapped_key from"
                  + " personal_data_key k where k.subject_id = e.aggregateidentifier::uuid) end,"
                  + " e.aggregateidentifier from domainevententry e order by e.globalindex")) {
        s.setFetchSize(1000);
        int inBatch = 0;
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            String type = rs.getString(1);
            long sequence = rs.getLong(3);
            if (Math.floorMod(rs.getString(5).hashCode(), segments) != segment) {
              type = "";
            }
            if (type.endsWith(".CaseReportedEvent")) {
              JsonNode e = json.readTree(rs.getBytes(2));
              UUID caseId = UUID.fromString(e.path("caseId").asText());
              upsert.setObject(1, caseId);
              upsert.setObject(2, UUID.fromString(e.path("childId").asText()));
              upsert.setString(3, e.path("areaCode").asText());
              upsert.setString(4, e.path("areaCode").asText());
              upsert.setString(5, e.path("channel").asText());
              upsert.setTimestamp(6, Timestamp.from(Instant.parse(e.path("reportedAt").asText())));
              List<String> forms = new ArrayList<>();
              e.path("suspectedForms").forEach(f -> forms.add(f.asText()));
              upsert.setString(7, String.join(",", forms));
              upsert.setBoolean(8, e.path("seriousDanger").asBoolean());
              upsert.setString(9, open(json, keys, caseId, rs.getBytes(4), e.path("description")));
              upsert.setString(10, e.path("child").path("sex").asText("UNKNOWN"));
              upsert.setObject(
                  11,
                  e.path("child").path("ageYears").isNumber()
                      ? e.path("child").path("ageYears").asInt()
                      : null,
                  java.sql.Types.INTEGER);
              upsert.setTimestamp(
                  12, Timestamp.from(Instant.parse(e.path("initialAssessmentDueAt").asText())));
              upsert.setLong(13, sequence);
              upsert.addBatch();
            } else if (type.endsWith(".CaseAssignedEvent")) {
              JsonNode e = json.readTree(rs.getBytes(2));
              assign.setString(1, e.path("workerUsername").asText());
              assign.setLong(2, sequence);
              assign.setObject(3, UUID.fromString(e.path("caseId").asText()));
              assign.setLong(4, sequence);
              assign.addBatch();
            } else if (type.endsWith(".InitialAssessmentRecordedEvent")) {
              JsonNode e = json.readTree(rs.getBytes(2));
              initial.setTimestamp(1, Timestamp.from(Instant.parse(e.path("assessedAt").asText())));
              initial.setString(2, e.path("riskLevel").asText());
              initial.setTimestamp(3, Timestamp.from(Instant.parse(e.path("planDueAt").asText())));
              initial.setLong(4, sequence);
              initial.setObject(5, UUID.fromString(e.path("caseId").asText()));
              initial.setLong(6, sequence);
              initial.addBatch();
            } else if (type.endsWith(".CaseAssessedEvent")) {
              JsonNode e = json.readTree(rs.getBytes(2));
              List<String> forms = new ArrayList<>();
              e.path("confirmedForms").forEach(f -> forms.add(f.asText()));
              assessed.setBoolean(1, e.path("abuseConfirmed").asBoolean());
              assessed.setString(2, String.join(",", forms));
              assessed.setLong(3, sequence);
              assessed.setObject(4, UUID.fromString(e.path("caseId").asText()));
              assessed.setLong(5, sequence);
              assessed.addBatch();
            } else if (type.endsWith(".CaseClosedEvent")) {
              JsonNode e = json.readTree(rs.getBytes(2));
              closed.setDate(1, java.sql.Date.valueOf(e.path("closedOn").asText()));
              closed.setString(2, e.path("reason").asText());
              closed.setLong(3, sequence);
              closed.setObject(4, UUID.fromString(e.path("caseId").asText()));
              closed.setLong(5, sequence);
              closed.addBatch();
            }
            if (++inBatch == batchSize) {
              upsert.executeBatch();
              assign.executeBatch();
              initial.executeBatch();
              assessed.executeBatch();
              closed.executeBatch();
              write.commit();
              inBatch = 0;
            }
          }
        }
        upsert.executeBatch();
        assign.executeBatch();
        initial.executeBatch();
        assessed.executeBatch();
        closed.executeBatch();
        write.commit();
      }
      read.commit();
    }
  }

  /** A sealed personal value opened with the wrapped key read alongside it, as written by hand. */
  static String open(
      ObjectMapper json, PersonalDataKeys keys, UUID subject, byte[] wrapped, JsonNode value)
      throws IOException {
    String text = value.asText(null);
    if (text == null || !text.startsWith(PersonalDataSerializer.PREFIX)) {
      return text;
    }
    if (wrapped == null) {
      return null;
    }
    SecretKey key = keys.unwrapped(subject, wrapped).orElseThrow();
    byte[] sealed = Base64.getDecoder().decode(text.substring(text.lastIndexOf(':') + 1));
    return json.readTree(keys.decrypt(key, subject, sealed)).asText(null);
  }
}
