package vn.cpms.kernel.reports;

import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/**
 * The latest submission of each of {@code areas} for a plan's period ({@code period} null: every
 * period), without the files; answers a list of {@link ReportSubmission}.
 */
public record FindReportSubmissionsQuery(String planId, String period, Set<AreaCode> areas) {
  public FindReportSubmissionsQuery {
    areas = Set.copyOf(areas);
  }
}
