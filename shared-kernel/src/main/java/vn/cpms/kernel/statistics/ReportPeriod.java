package vn.cpms.kernel.statistics;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * The data window of a plan's report (STATISTICS.md, common rules, "Period", revision 2): {@code
 * 2026-H1} (semi-annual) or {@code 2026} (annual). By default the cut-off of Decree 09/2019/NĐ-CP
 * art. 12: H1 = 15 Dec of the previous year – 14 Jun, year = 15 Dec of the previous year – 14 Dec;
 * a plan whose report falls due earlier has its own window in the catalogue, used by default for
 * that plan; the statistician may choose another ({@link Window}). The population is that of the
 * year of {@code to}.
 */
public record ReportPeriod(
    int year, boolean semiAnnual, LocalDate from, LocalDate to, Window window, String basis) {

  /** Which window a report uses. */
  public enum Window {
    /** Decree 09/2019/NĐ-CP: 15 Dec of the previous year – 14 Jun / 14 Dec. */
    DECREE_09,
    /** The plan's own window (catalogue), where its due dates need one. */
    PLAN,
    /** Calendar half-year or year: 1 Jan – 30 Jun / 31 Dec. */
    CALENDAR
  }

  public static final String DECREE_09_BASIS =
      "Nghị định 09/2019/NĐ-CP, Điều 12: số liệu từ ngày 15/12 năm trước đến ngày 14/6 (6 tháng)"
          + " hoặc 14/12 (năm)";

  /**
   * The window of {@code plan}'s semi-annual or annual report for {@code year}: the one {@code
   * chosen}, else the plan's own when it has one for that report, else Decree 09's. A plan without
   * a window of its own answers Decree 09's for {@link Window#PLAN}.
   */
  public static ReportPeriod of(Plan plan, int year, boolean semiAnnual, Window chosen) {
    String report = semiAnnual ? "SEMI_ANNUAL" : "ANNUAL";
    Optional<Plan.ReportWindow> own =
        plan.reportWindows().stream().filter(w -> report.equals(w.report())).findFirst();
    Window window = chosen != null ? chosen : own.isPresent() ? Window.PLAN : Window.DECREE_09;
    if (window == Window.PLAN && own.isPresent()) {
      Plan.ReportWindow w = own.get();
      LocalDate from =
          MonthDay.parse("--" + w.from()).atYear(w.fromPreviousYear() ? year - 1 : year);
      LocalDate to = MonthDay.parse("--" + w.to()).atYear(year);
      return new ReportPeriod(year, semiAnnual, from, to, Window.PLAN, w.basis());
    }
    if (window == Window.CALENDAR) {
      return new ReportPeriod(
          year,
          semiAnnual,
          LocalDate.of(year, 1, 1),
          semiAnnual ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31),
          Window.CALENDAR,
          semiAnnual ? "6 tháng đầu năm dương lịch" : "Năm dương lịch");
    }
    return new ReportPeriod(
        year,
        semiAnnual,
        LocalDate.of(year - 1, 12, 15),
        semiAnnual ? LocalDate.of(year, 6, 14) : LocalDate.of(year, 12, 14),
        Window.DECREE_09,
        DECREE_09_BASIS);
  }

  /** A semi-annual report shows values against the annual target without a status. */
  public boolean interim() {
    return semiAnnual;
  }
}
