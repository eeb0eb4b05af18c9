package vn.cpms.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where this JVM's CPU goes, by group of threads (a processor's, the HTTP server's, the clients'):
 * the names without their numbers. A diagnosis printed beside M1 and M1h (issue 21: what still
 * limits them), measured from the threads' own CPU clocks.
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final Map<Long, String> names = new HashMap<>();
  private final Map<Long, Long> start = new HashMap<>();

  ThreadCpu() {
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null) {
        start.put(info.getThreadId(), THREADS.getThreadCpuTime(info.getThreadId()));
      }
    }
  }

  private final long processStart = CpuMeter.javaNanos();

  /**
   * The CPU milliseconds per unit of each group of threads since this was made, largest first;
   * {@code ended} is what threads that have ended since used (the clients' pools).
   */
  String since(long units, int top) {
    Map<String, Long> byGroup = new HashMap<>();
    long live = 0;
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long now = THREADS.getThreadCpuTime(info.getThreadId());
      long used = now - start.getOrDefault(info.getThreadId(), 0L);
      byGroup.merge(group(info.getThreadName()), used, Long::sum);
      live += used;
    }
    byGroup.put("ended", Math.max(0, CpuMeter.javaNanos() - processStart - live));
    return byGroup.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e -> Benchmark.f(e.getValue() / 1e6 / units),
                (a, b) -> a,
                LinkedHashMap::new))
        .entrySet()
        .stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }

  /** A thread's group: its name without digits, ids or brackets. */
  static String group(String name) {
    String group =
        name.replaceAll("\\[.*?\\]", "").replaceAll("[0-9]+", "").replaceAll("[-#_ ]+$", "");
    group = group.replaceAll("[^A-Za-z-]+", "_");
    return group.isEmpty() ? "other" : group;
  }
}
