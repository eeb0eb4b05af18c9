package vn.cpms.infra.web.statistics;

import java.io.IOException;
import java.time.OffsetDateTime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.statistics.PlanReports;

/**
 * {@code GET /api/v1/reports/{plan}/{period}}: the report a plan asks for ({@link PlanReports}), as
 * CSV or XLSX, over the plan's data window or the one chosen with {@code window}.
 */
@RestController
public class ReportController {
  private final PlanReports reports;

  public ReportController(PlanReports reports) {
    this.reports = reports;
  }

  @GetMapping("/api/v1/reports/{plan}/{period}")
  public ResponseEntity<byte[]> report(
      @PathVariable String plan,
      @PathVariable String period,
      @RequestParam(required = false) String area,
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) OffsetDateTime asOf,
      @RequestParam(required = false) String window,
      @RequestParam(required = false) String table)
      throws IOException {
    return vn.cpms.infra.web.Downloads.file(
        reports.produce(
            plan, period, area, format, asOf == null ? null : asOf.toInstant(), window, table));
  }
}
