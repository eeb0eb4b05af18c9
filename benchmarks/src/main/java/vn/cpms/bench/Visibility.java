package vn.cpms.bench;

import static vn.cpms.bench.Benchmark.f;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import vn.cpms.kernel.cases.ReportCaseCommand;

/**
 * M6 (from a command's answer until the worklist and the statistics show it) and M6h (the same
 * through the API, with the answer's {@code Consistency-Position}).
 */
final class Visibility extends MetricGroup {
  Visibility(Benchmark benchmark, Harness harness) {
    super(benchmark, harness);
  }

  void measureVisibility() throws SQLException {
    Latencies worklist = new Latencies();
    Latencies statistics = new Latencies();
    try (Connection c = harness.connect();
        PreparedStatement w =
            c.prepareStatement("select count(*) from worklist_case where case_id = ?");
        PreparedStatement s =
            c.prepareStatement("select count(*) from stat_case where case_id = ?")) {
      for (int i = 0; i < benchmark.latencySamples; i++) {
        ReportCaseCommand command = Harness.report("95003");
        harness.send(command);
        long answered = System.nanoTime();
        boolean inWorklist = false;
        boolean inStatistics = false;
        while (!inWorklist || !inStatistics) {
          if (!inWorklist && exists(w, command.caseId().value())) {
            inWorklist = true;
            worklist.add(System.nanoTime() - answered);
          }
          if (!inStatistics && exists(s, command.caseId().value())) {
            inStatistics = true;
            statistics.add(System.nanoTime() - answered);
          }
          if (System.nanoTime() - answered > 60_000_000_000L) {
            throw new IllegalStateException("not visible after 60 s");
          }
        }
      }
    }
    benchmark.print(
        "M6 worklist_p95_ms="
            + f(worklist.percentileMillis(95))
            + " statistics_p95_ms="
            + f(statistics.percentileMillis(95))
            + " worklist_p50_ms="
            + f(worklist.percentileMillis(50))
            + " statistics_p50_ms="
            + f(statistics.percentileMillis(50))
            + " poll_interval_ms=500 ratio_to_poll="
            + f(Math.max(worklist.percentileMillis(95), statistics.percentileMillis(95)) / 500.0)
            + " samples="
            + benchmark.latencySamples);
  }

  /**
   * M6 through the API's contract (API.md "Reads follow writes"): a case reported over HTTP, then
   * read back with the {@code Consistency-Position} its answer carried: the time from the answer
   * until the case page (worklist read model) and the statistic (statistics read model) answer.
   */
  void measureVisibilityThroughHeader() throws Exception {
    Latencies casePage = new Latencies();
    Latencies statistic = new Latencies();
    // each sample waits for the statistics' poll (half a second): 100 keep the run under 20 min
    int samples = Math.min(benchmark.latencySamples, 100);
    for (int i = 0; i < samples; i++) {
      HttpResponse<String> reported =
          harness.api.http("POST", "/api/v1/cases", HttpApi.reportBody(), null);
      long answered = System.nanoTime();
      String position = reported.headers().firstValue("Consistency-Position").orElseThrow();
      String id = new ObjectMapper().readTree(reported.body()).get("id").asText();
      HttpApi.expect200(harness.api.http("GET", "/api/v1/cases/" + id, null, position));
      casePage.add(System.nanoTime() - answered);
      HttpApi.expect200(
          harness.api.http(
              "GET",
              "/api/v1/statistics/cases-reported?area=95003&from=2020-01-01&to=2030-12-31",
              null,
              position));
      statistic.add(System.nanoTime() - answered);
    }
    benchmark.print(
        "M6h case_page_p50_ms="
            + f(casePage.percentileMillis(50))
            + " case_page_p99_ms="
            + f(casePage.percentileMillis(99))
            + " statistic_p50_ms="
            + f(statistic.percentileMillis(50))
            + " statistic_p99_ms="
            + f(statistic.percentileMillis(99))
            + " samples="
            + samples
            + " via=http_with_consistency_position");
  }

  static boolean exists(PreparedStatement query, UUID id) throws SQLException {
    query.setObject(1, id);
    try (ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }
}
