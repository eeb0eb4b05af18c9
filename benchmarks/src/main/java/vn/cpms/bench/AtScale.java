package vn.cpms.bench;

import static vn.cpms.bench.Benchmark.f;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Duration;
import vn.cpms.infra.privacy.PersonalDataKeys;

/**
 * M1b (commands on an empty and on a bulk-loaded store), M5 (a statistics query against a scan of
 * the event table) and M7 (bytes per stored event, heap at 1 M and at all events), on a store of
 * {@code --events} events.
 */
final class AtScale extends MetricGroup {
  BulkLoader loader;
  long heapAt1M;
  long heapAtEnd;
  long loadedAt1M;

  AtScale(Benchmark benchmark, Harness harness) {
    super(benchmark, harness);
  }

  /** M1b, M5 and M7 on a store of {@code --events} events. */
  void measureAtScale() throws Exception {
    // M1b: two warm measurements, each in a freshly started application after a round of warm-up:
    // on the store as it is, then once the bulk load has filled it.
    harness.app.close();
    harness.startApplication();
    Rounds empty = warmRounds("95001");
    long emptyEvents = harness.storedEvents();
    // Bulk load: 10 M events (heap at 1 M and at the end), their statistics projected.
    bulkLoad();
    Rounds full = warmRounds("95001");
    benchmark.print(
        "M1b ratio="
            + f(full.median() / empty.median())
            + " cmd/s_full="
            + f(full.median())
            + " cmd/s_full_spread="
            + full.spread()
            + " cmd/s_empty="
            + f(empty.median())
            + " cmd/s_empty_spread="
            + empty.spread()
            + " stored_events="
            + harness.storedEvents()
            + " stored_events_empty="
            + emptyEvents);

    // M5: statistics query against a raw scan of the event table, same figure, in a commune of the
    // loaded history.
    harness.awaitProjections(Duration.ofMinutes(2));
    measureStatistics("96003");

    // M7: bytes per stored event.
    measureStorage();
  }

  /**
   * Loads the history with the application stopped (a bulk load is not something the running system
   * sees), moves every projection's token to its end (they do not replay the synthetic history),
   * and measures the heap of a freshly started application at 1 M and at 10 M events.
   */
  void bulkLoad() throws Exception {
    loader =
        new BulkLoader(
            harness.plainDataSource(),
            harness.eventSerializer(),
            harness.app.getBean(PersonalDataKeys.class));
    harness.app.close();
    long t0 = System.nanoTime();
    loader.dropUniqueConstraints();
    long stored = harness.storedEvents();
    long first = Math.max(0, Math.min(benchmark.bulkEvents - stored, 1_000_000 - stored));
    loader.load(first);
    long loaded = System.nanoTime();
    harness.moveTokensToHead();
    harness.startApplication();
    harness.awaitProjections(Duration.ofMinutes(2));
    loadedAt1M = harness.storedEvents();
    heapAt1M = Harness.usedHeapAfterGc();
    harness.app.close();
    long t1 = System.nanoTime();
    loader.load(Math.max(0, benchmark.bulkEvents - loadedAt1M));
    loaded += System.nanoTime() - t1;
    long t2 = System.nanoTime();
    loader.createUniqueConstraints();
    long indexing = System.nanoTime() - t2;
    harness.moveTokensToHead();
    harness.startApplication();
    harness.awaitProjections(Duration.ofMinutes(2));
    heapAtEnd = Harness.usedHeapAfterGc();
    benchmark.print(
        "# bulk load: events="
            + harness.storedEvents()
            + " copy_s="
            + f((loaded - t0) / 1e9)
            + " index_s="
            + f(indexing / 1e9)
            + " stat_case_rows="
            + harness.queryLong("select count(*) from stat_case"));
  }

  /** The statistics rows of the loaded history (communes 96…), as text, in order. */
  String loadedStatistics() throws SQLException {
    return harness.queryString(
            "select coalesce(string_agg(t::text, E'\\n' order by t::text), '')"
                + " from (select * from stat_case where area_code like '96%') t")
        + harness.queryString(
            "select coalesce(string_agg(t::text, E'\\n' order by t::text), '')"
                + " from (select s.* from stat_case_status s join stat_case c using (case_id)"
                + " where c.area_code like '96%') t");
  }

  /** Replays the statistics projection from the first event, until it has caught up. */
  void replayStatistics() throws Exception {
    harness.replayFromStart("statistics", Duration.ofMinutes(5));
  }

  /** A round of warm-up, then the measured rounds of M1's commands, each after a catch-up. */
  Rounds warmRounds(String area) throws Exception {
    harness.awaitProjections(Duration.ofMinutes(2));
    harness.reportCases(benchmark.commands, benchmark.threads, area);
    Rounds measured = new Rounds();
    for (int round = 0; round < benchmark.rounds; round++) {
      harness.awaitProjections(Duration.ofMinutes(2));
      measured.add(harness.reportCases(benchmark.commands, benchmark.threads, area)[0]);
    }
    return measured;
  }

  void measureStatistics(String area) throws Exception {
    String path =
        "/api/v1/statistics/cases-reported?area=" + area + "&from=2020-01-01&to=2030-12-31";
    String byMonth = path + "&by=month";
    ObjectMapper json = new ObjectMapper();
    Latencies query = new Latencies();
    long figure = 0;
    for (int i = 0; i < 220; i++) {
      long t0 = System.nanoTime();
      String body = harness.api.get(i % 2 == 0 ? path : byMonth);
      long elapsed = System.nanoTime() - t0;
      if (i >= 20) { // the first ones warm up
        query.add(elapsed);
      }
      if (i % 2 == 0) {
        figure = json.readTree(body).get("total").asLong();
      }
    }
    Latencies scan = new Latencies();
    long scanned = 0;
    String raw =
        "select count(*) from domainevententry where payloadtype = 'vn.cpms.kernel.cases."
            + "CaseReportedEvent' and convert_from(payload, 'UTF8')::jsonb ->> 'areaCode' = '"
            + area
            + "' and (convert_from(payload, 'UTF8')::jsonb #>> '{child,ageYears}')::int < 16";
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      scanned = harness.queryLong(raw);
      scan.add(System.nanoTime() - t0);
    }
    benchmark.print(
        "M5 ratio="
            + f(query.percentileMillis(95) / scan.percentileMillis(95))
            + " query_p95_ms="
            + f(query.percentileMillis(95))
            + " scan_p95_ms="
            + f(scan.percentileMillis(95))
            + " figure="
            + figure
            + " scan_figure="
            + scanned
            + " stat_rows="
            + harness.queryLong("select count(*) from stat_case where area_code = '" + area + "'")
            + " worklist_rows="
            + harness.queryLong(
                "select count(*) from worklist_case where area_code = '" + area + "'")
            + " stored_events="
            + harness.storedEvents());
  }

  void measureStorage() throws SQLException {
    long events = harness.storedEvents();
    long bytes = harness.queryLong("select pg_total_relation_size('domainevententry')");
    double payload =
        Double.parseDouble(
            harness.queryString("select avg(octet_length(payload)) from domainevententry"));
    double perEvent = (double) bytes / events;
    benchmark.print(
        "M7 ratio_bytes="
            + f(perEvent / payload)
            + " bytes/event="
            + f(perEvent)
            + " payload_json_bytes="
            + f(payload)
            + " ratio_heap="
            + f((double) heapAtEnd / heapAt1M)
            + " heap_mb_at_"
            + loadedAt1M
            + "="
            + f(heapAt1M / 1e6)
            + " heap_mb_at_"
            + events
            + "="
            + f(heapAtEnd / 1e6));
  }
}
