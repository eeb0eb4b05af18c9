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
    List<Indicator> indicators,
    List<ReportWindow> reportWindows) {
  public Plan {
    reportDeadlines = List.copyOf(reportDeadlines);
    indicators = List.copyOf(indicators);
    reportWindows = reportWindows == null ? List.of() : List.copyOf(reportWindows);
  }

  /** The years the plan covers. */
  public record Years(int from, int to) {}

  /**
   * A report the plan asks for, due before {@code dueBy} ({@code MM-dd}) each year of the plan, or
   * only in {@code year} when the plan names one (a one-time report such as the implementation plan
   * due on 31/3/2021).
   */
  public record ReportDeadline(
      String report, String dueBy, String recipient, String seedQuote, Integer year) {}

  /**
   * The data window of a plan's report ({@code SEMI_ANNUAL} or {@code ANNUAL}) when the plan's due
   * dates need one of its own: from {@code from} ({@code MM-dd}, of the previous year when {@code
   * fromPreviousYear}) to {@code to} ({@code MM-dd}) inclusive. A plan without one uses the cut-off
   * of Decree 09/2019/NĐ-CP (15 Dec of the previous year – 14 Jun, – 14 Dec). {@code basis} says
   * why (the due date it serves, or the plan's own words).
   */
  public record ReportWindow(
      String report, String from, boolean fromPreviousYear, String to, String basis) {}

  /**
   * An indicator (chỉ tiêu) with its code as in the plan, its targets, and where its figure comes
   * from: a measure computed from cases ({@code source = CASES}) or a figure reported by another
   * sector ({@code FIGURES}); {@code register} names the register that gives it where there is one
   * ({@code CHILD_FRIENDLY_COMMUNES}, {@code CHILD_PROTECTION_FUND}).
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
      String source,
      String register) {
    public Indicator {
      targets = List.copyOf(targets);
    }
  }

  /** A target: {@code value} (to {@code valueTo} for a range) by {@code year} (null: any year). */
  public record Target(Integer year, Double value, Double valueTo, String text) {}
}
