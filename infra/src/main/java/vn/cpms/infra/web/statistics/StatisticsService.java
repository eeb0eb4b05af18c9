package vn.cpms.infra.web.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.statistics.SmallCounts;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaSet;
import vn.cpms.kernel.statistics.MeasureQuery;
import vn.cpms.kernel.statistics.MeasureResult;

/**
 * {@code GET /api/v1/statistics/{measure}}: a measure of STATISTICS.md for an area (with everything
 * below it), an inclusive period and an as-of instant, broken down by dimensions. A statistician
 * sees counts 1–4 as {@code null} with {@code "suppressed": true}, complements hidden too, whole
 * months and the end of a day ({@link SmallCounts}); the answer gives the period and {@code asOf}
 * actually used.
 */
@org.springframework.stereotype.Service
public class StatisticsService {
  private final QueryGateway queries;
  private final CallerScope scope;
  private final SmallCounts smallCounts;
  private final Clock clock;

  public StatisticsService(
      QueryGateway queries, CallerScope scope, SmallCounts smallCounts, Clock clock) {
    this.queries = queries;
    this.scope = scope;
    this.smallCounts = smallCounts;
    this.clock = clock;
  }

  public Map<String, Object> measure(
      String measure, String area, LocalDate from, LocalDate to, OffsetDateTime asOf, String by) {
    Violations v = Violations.collect();
    AreaCode areaCode = area == null ? null : CaseRequests.area(v, "area", area);
    LocalDate thisYear = LocalDate.now(clock.withZone(VietnamTime.ZONE)).withDayOfYear(1);
    LocalDate start = smallCounts.start(from == null ? thisYear : from);
    LocalDate end = smallCounts.end(to == null ? thisYear.plusYears(1).minusDays(1) : to);
    if (end.isBefore(start)) {
      v.add(
          "to",
          "before-previous-step",
          java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(start));
    }
    List<String> dimensions =
        by == null || by.isBlank()
            ? List.of()
            : Arrays.stream(by.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    v.throwIfAny();
    Instant knownAt = smallCounts.asOf(asOf == null ? clock.instant() : asOf.toInstant());

    Optional<AreaSet> allowed = scope.areas();
    Set<AreaCode> areas;
    if (areaCode == null) {
      areas = allowed.map(AreaSet::codes).orElse(null);
    } else {
      scope.requireReadable(areaCode);
      areas = scope.expand(Set.of(areaCode)).codes();
    }
    MeasureResult result =
        queries
            .query(
                new MeasureQuery(measure, areas, start, end, knownAt, dimensions),
                ResponseTypes.instanceOf(MeasureResult.class))
            .join();

    boolean suppress = smallCounts.appliesTo(measure);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("measure", measure);
    body.put("area", area);
    body.put("from", start);
    body.put("to", end);
    body.put("asOf", knownAt.atZone(VietnamTime.ZONE).toOffsetDateTime());
    putCount(body, "total", result.total(), suppress && SmallCounts.small(result.total()));
    if (result.denominator() != null) {
      putCount(
          body,
          "denominator",
          result.denominator(),
          suppress && SmallCounts.small(result.denominator()));
    }
    Set<Integer> hidden =
        suppress
            ? SmallCounts.hiddenRows(
                result.rows().stream().map(MeasureResult.Row::value).toList(),
                result.rows().stream().map(MeasureResult.Row::denominator).toList())
            : Set.of();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < result.rows().size(); i++) {
      MeasureResult.Row row = result.rows().get(i);
      Map<String, Object> out = new LinkedHashMap<>(row.dimensions());
      putCount(out, "value", row.value(), hidden.contains(i));
      if (row.denominator() != null) {
        putCount(out, "denominator", row.denominator(), hidden.contains(i));
      }
      rows.add(out);
    }
    body.put("rows", rows);
    return body;
  }

  /** {@code field: count}, or {@code field: null, suppressed: true} for a hidden cell. */
  public static void putCount(Map<String, Object> target, String field, long count, boolean hide) {
    if (hide) {
      target.put(field, null);
      target.put(field.equals("value") ? "suppressed" : field + "Suppressed", true);
    } else {
      target.put(field, count);
    }
  }
}
