package vn.cpms.bench;

import java.util.ArrayList;
import java.util.List;

/** The figures of repeated rounds of one side of a comparison: median and spread (issue 21). */
final class Rounds {
  private final List<Double> values = new ArrayList<>();

  void add(double value) {
    values.add(value);
  }

  double median() {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** {@code min-max} of the rounds, for the printed line. */
  String spread() {
    return Benchmark.f(values.stream().mapToDouble(d -> d).min().orElse(0))
        + "-"
        + Benchmark.f(values.stream().mapToDouble(d -> d).max().orElse(0));
  }

  int size() {
    return values.size();
  }
}
