package vn.cpms.query.statistics;

import java.util.Set;
import vn.cpms.kernel.statistics.MeasureQuery;
import vn.cpms.kernel.statistics.MeasureResult;

/** One measure of STATISTICS.md, computed from the statistics read model's fact rows. */
public interface Measure {
  String name();

  /** The dimensions {@code by} may name for this measure. */
  Set<String> dimensions();

  MeasureResult compute(MeasureQuery query);
}
