package vn.cpms.infra.statistics;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaView;
import vn.cpms.kernel.reports.FindReportSubmissionsQuery;
import vn.cpms.kernel.reports.FindSubmittedReportQuery;
import vn.cpms.kernel.reports.ReportSubmission;
import vn.cpms.kernel.reports.SubmitReportCommand;
import vn.cpms.kernel.statistics.Plan;
import vn.cpms.kernel.statistics.ReportPeriod;

/**
 * Reporting as a workflow (issue 14): a plan's report for a period and area is submitted as the
 * file it is (an event with who, when, window and {@code asOf}) and downloads later byte for byte;
 * a district or province sees which of its communes have submitted; the calendar gives each plan's
 * reports of a year with their window, due date and state.
 */
@Service
public class ReportFilings {
  /** A report due within this many days is due soon. */
  public static final int DUE_SOON_DAYS = 14;

  private final PlanReports reports;
  private final CommandSender commands;
  private final QueryGateway queries;
  private final CallerScope scope;
  private final StatisticsImports registry;
  private final Clock clock;

  public ReportFilings(
      PlanReports reports,
      CommandSender commands,
      QueryGateway queries,
      CallerScope scope,
      StatisticsImports registry,
      Clock clock) {
    this.reports = reports;
    this.commands = commands;
    this.queries = queries;
    this.scope = scope;
    this.registry = registry;
    this.clock = clock;
  }

  /** Submits the report as the caller sees it now (or as of {@code asOf}); answers its version. */
  public ReportSubmission submit(
      String plan, String period, String area, String window, String format, Instant asOf)
      throws IOException {
    Violations v = Violations.collect();
    if (area == null) {
      v.add("area", "required");
    }
    v.throwIfAny();
    Instant at = asOf == null ? clock.instant() : asOf;
    PlanReports.File file =
        reports.produce(plan, period, area, format == null ? "xlsx" : format, at, window);
    AreaCode code = AreaCode.of(area);
    int version =
        commands.send(
            new SubmitReportCommand(
                plan,
                period,
                code,
                file.period().window().name(),
                file.period().from(),
                file.period().to(),
                file.asOf(),
                file.name(),
                file.type().toString(),
                file.content()));
    return new ReportSubmission(
        plan,
        period,
        area,
        version,
        file.period().window().name(),
        file.period().from(),
        file.period().to(),
        file.asOf(),
        file.name(),
        file.type().toString(),
        null,
        null,
        clock.instant(),
        null);
  }

  /** A submitted version (the latest when {@code version} is null), with its file. */
  public ReportSubmission file(String plan, String period, AreaCode area, Integer version) {
    scope.requireReadable(area);
    return queries
        .query(
            new FindSubmittedReportQuery(plan, period, area, version),
            ResponseTypes.optionalInstanceOf(ReportSubmission.class))
        .join()
        .orElseThrow(() -> new NotFoundException("submission"));
  }

  /** The area and its communes, each with its latest submission of the period (or none). */
  public List<Map<String, Object>> submissions(String plan, String period, AreaCode area) {
    scope.requireReadable(area);
    int year = Integer.parseInt(period.substring(0, 4));
    Map<String, AreaView> areas = registry.areas();
    List<AreaView> places = new ArrayList<>();
    if (areas.containsKey(area.value())) {
      places.add(areas.get(area.value()));
    }
    ImportTemplates.communes(area, year, areas).stream()
        .filter(c -> !c.code().equals(area))
        .forEach(places::add);
    Map<String, ReportSubmission> latest =
        latest(plan, period, places.stream().map(AreaView::code).collect(Collectors.toSet()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AreaView place : places) {
      ReportSubmission s = latest.get(place.code().value());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("areaCode", place.code().value());
      row.put("name", place.name());
      row.put("submitted", s != null);
      if (s != null) {
        row.put("version", s.version());
        row.put("submittedBy", s.submittedBy());
        row.put("submittedAt", s.submittedAt());
        row.put("window", s.window());
        row.put("asOf", s.asOf());
        row.put("sha256", s.sha256());
      }
      rows.add(row);
    }
    return rows;
  }

  /** Each plan's semi-annual and annual reports of {@code year}: window, due date, state. */
  public List<Map<String, Object>> calendar(AreaCode area, int year, List<Plan> plans) {
    scope.requireReadable(area);
    LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Plan plan : plans) {
      if (year < plan.years().from() || year > plan.years().to()) {
        continue;
      }
      Map<String, ReportSubmission> submitted =
          queries
              .query(
                  new FindReportSubmissionsQuery(plan.id(), null, Set.of(area)),
                  ResponseTypes.multipleInstancesOf(ReportSubmission.class))
              .join()
              .stream()
              .collect(Collectors.toMap(ReportSubmission::period, Function.identity()));
      for (Plan.ReportDeadline deadline : plan.reportDeadlines()) {
        boolean semi = "SEMI_ANNUAL".equals(deadline.report());
        if (!semi && !"ANNUAL".equals(deadline.report())) {
          continue;
        }
        if (deadline.year() != null && deadline.year() != year) {
          continue;
        }
        String period = semi ? year + "-H1" : String.valueOf(year);
        ReportPeriod window = ReportPeriod.of(plan, year, semi, null);
        LocalDate due =
            deadline.dueBy() == null ? null : MonthDay.parse("--" + deadline.dueBy()).atYear(year);
        ReportSubmission s = submitted.get(period);
        String state =
            s != null
                ? "SUBMITTED"
                : due == null
                    ? "NO_DUE_DATE"
                    : today.isAfter(due)
                        ? "OVERDUE"
                        : !today.plusDays(DUE_SOON_DAYS).isBefore(due) ? "DUE_SOON" : "UPCOMING";
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("plan", plan.id());
        row.put("planTitle", plan.title());
        row.put("report", deadline.report());
        row.put("period", period);
        row.put("from", window.from());
        row.put("to", window.to());
        row.put("window", window.window().name());
        row.put("dueOn", due);
        row.put("recipient", deadline.recipient());
        row.put("state", state);
        row.put("submittedAt", s == null ? null : s.submittedAt());
        row.put("version", s == null ? null : s.version());
        rows.add(row);
      }
    }
    rows.sort(
        java.util.Comparator.comparing(
            (Map<String, Object> r) -> (LocalDate) r.get("dueOn"),
            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    return rows;
  }

  private Map<String, ReportSubmission> latest(String plan, String period, Set<AreaCode> areas) {
    return queries
        .query(
            new FindReportSubmissionsQuery(plan, period, areas),
            ResponseTypes.multipleInstancesOf(ReportSubmission.class))
        .join()
        .stream()
        .collect(Collectors.toMap(ReportSubmission::areaCode, Function.identity()));
  }
}
