package vn.cpms.kernel.statistics;

import java.util.List;

/**
 * A plan of the catalogue (transcribed from the seed plans): its indicators with targets and
 * responsible agencies, and its report deadlines.
 */
public record Plan(
    String id,
    String seedFile,
    String title,
    String issuer,
    String documentNumber,
    String issuedOn,
    Years years,
    List<ReportDeadline> reportDeadlines,
    List<Indicator> indicators) {
  public Plan {
    reportDeadlines = List.copyOf(reportDeadlines);
    indicators = List.copyOf(indicators);
  }

  /** The years the plan covers. */
  public record Years(int from, int to) {}

  /** A report the plan asks for, due before {@code dueBy} ({@code MM-dd}) each year. */
  public record ReportDeadline(String report, String dueBy, String recipient, String seedQuote) {}

  /**
   * An indicator (chỉ tiêu) with its code as in the plan, its targets, and where its figure comes
   * from: a measure computed from cases ({@code source = CASES}) or a figure reported by another
   * sector ({@code FIGURES}).
   */
  public record Indicator(
      String code,
      String codeNote,
      String title,
      String unit,
      String direction,
      List<Target> targets,
      String agency,
      String seedQuote,
      String measure,
      String source) {
    public Indicator {
      targets = List.copyOf(targets);
    }
  }

  /** A target: {@code value} (to {@code valueTo} for a range) by {@code year} (null: any year). */
  public record Target(Integer year, Double value, Double valueTo, String text) {}
}
