package vn.cpms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark command at a tiny size: it must keep running end to end and print every metric, and
 * its two sides must agree (the figures themselves are only meaningful at full size, by hand:
 * docs/performance.md).
 */
class BenchmarkSmokeTest {
  @Test
  void prints_every_metric_and_both_sides_of_each_comparison_agree(@TempDir Path dir)
      throws Exception {
    Benchmark benchmark =
        new Benchmark(
            Map.of(
                "commands", "60",
                "threads", "2",
                "events", "4000",
                "replay-events", "2000",
                "latency-samples", "6",
                "rounds", "2",
                "data-dir", dir.toString()));
    String loaded;
    String replayed;
    try {
      benchmark.run();
      loaded = benchmark.loadedStatistics();
      benchmark.replayStatistics();
      replayed = benchmark.loadedStatistics();
    } finally {
      benchmark.stop();
    }
    assertThat(replayed)
        .as("the statistics the bulk loader derives are those the projection writes")
        .isNotEmpty()
        .isEqualTo(loaded);

    Map<String, Map<String, String>> metrics = new HashMap<>();
    for (String line : benchmark.lines) {
      if (line.startsWith("M")) {
        Map<String, String> fields = new HashMap<>();
        String[] parts = line.split(" ");
        for (int i = 1; i < parts.length; i++) {
          String[] pair = parts[i].split("=", 2);
          fields.put(pair[0], pair[1]);
        }
        metrics.put(parts[0], fields);
      }
    }
    assertThat(metrics)
        .containsOnlyKeys("M1", "M1h", "M1b", "M2", "M3", "M4", "M5", "M6", "M6h", "M7");
    for (String metric : new String[] {"M1", "M1h"}) {
      Map<String, String> m = metrics.get(metric);
      assertThat(Double.parseDouble(m.get("ratio"))).as(metric).isPositive();
      assertThat(Double.parseDouble(m.get("equal_work/s"))).as(metric).isPositive();
      assertThat(Double.parseDouble(m.get("equal_cpu_ms")))
          .as(metric + " CPU measured")
          .isPositive();
    }
    assertThat(metrics.get("M4").get("threads"))
        .as("the hand-written replay has as many threads as the processor")
        .isEqualTo("2");
    assertThat(Double.parseDouble(metrics.get("M6h").get("case_page_p99_ms")))
        .as("a case read back with its Consistency-Position")
        .isPositive();
    assertThat(Double.parseDouble(metrics.get("M1").get("ratio"))).isPositive();
    assertThat(Double.parseDouble(metrics.get("M3").get("ratio"))).isPositive();

    Map<String, String> replay = metrics.get("M4");
    assertThat(Long.parseLong(replay.get("rows"))).isPositive();
    assertThat(replay.get("rows")).isEqualTo(replay.get("jdbc_rows"));
    assertThat(replay.get("described"))
        .as("every loaded case has its own key: descriptions readable on both sides")
        .isEqualTo(replay.get("rows"))
        .isEqualTo(replay.get("jdbc_described"));

    Map<String, String> statistics = metrics.get("M5");
    assertThat(Long.parseLong(statistics.get("figure"))).isPositive();
    assertThat(statistics.get("figure")).isEqualTo(statistics.get("scan_figure"));
    assertThat(Long.parseLong(statistics.get("stored_events"))).isGreaterThanOrEqualTo(4000);
  }
}
