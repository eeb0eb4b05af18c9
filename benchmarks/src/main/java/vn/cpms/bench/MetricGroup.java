package vn.cpms.bench;

/**
 * A group of metrics of the benchmark: what each of them is given, the run (its options and the
 * lines it prints) and the application and database under test.
 */
abstract class MetricGroup {
  final Benchmark benchmark;
  final Harness harness;

  MetricGroup(Benchmark benchmark, Harness harness) {
    this.benchmark = benchmark;
    this.harness = harness;
  }
}
