package vn.cpms.infra.web.statistics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.statistics.ReportFilings;
import vn.cpms.infra.statistics.StatisticsImports;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.MalformedRequestException;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.Reference;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.kernel.reports.ReportSubmission;

/**
 * Reports submitted and their calendar: {@code POST /api/v1/reports/{plan}/{period}/submissions}
 * files the report as the caller sees it; {@code GET …/submissions?area=} shows which of the area's
 * communes have submitted; {@code GET …/submissions/{area}/{version|latest}} gives the submitted
 * file byte for byte; {@code GET /api/v1/report-calendar?area=&year=} lists each plan's reports
 * due.
 */
@RestController
public class ReportSubmissionController {
  private final ReportFilings filings;
  private final StatisticsImports registry;

  public ReportSubmissionController(ReportFilings filings, StatisticsImports registry) {
    this.filings = filings;
    this.registry = registry;
  }

  /** {@code {area, window?, format?, asOf?}}. */
  public record SubmissionRequest(
      @NotBlank @Size(max = 5) @Reference("area") String area,
      @OptionalMember @Size(max = 20) @Pattern(regexp = "decree-09|plan|calendar") String window,
      @OptionalMember @Size(max = 10) @Pattern(regexp = "csv|xlsx") String format,
      @OptionalMember OffsetDateTime asOf) {}

  @PostMapping("/api/v1/reports/{plan}/{period}/submissions")
  public ResponseEntity<Map<String, Object>> submit(
      @PathVariable String plan, @PathVariable String period, @RequestBody SubmissionRequest body)
      throws IOException {
    DeclaredRules.require(body);
    ReportSubmission s =
        filings.submit(
            plan,
            period,
            body.area(),
            body.window(),
            body.format(),
            body.asOf() == null ? null : body.asOf().toInstant());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("plan", plan);
    answer.put("period", period);
    answer.put("area", body.area());
    answer.put("version", s.version());
    answer.put("window", s.window());
    answer.put("from", s.from());
    answer.put("to", s.to());
    answer.put("asOf", s.asOf());
    answer.put("fileName", s.fileName());
    return ResponseEntity.created(
            URI.create(
                "/api/v1/reports/%s/%s/submissions/%s/%d"
                    .formatted(plan, period, body.area(), s.version())))
        .body(answer);
  }

  @GetMapping("/api/v1/reports/{plan}/{period}/submissions")
  public List<Map<String, Object>> submissions(
      @PathVariable String plan, @PathVariable String period, @RequestParam String area) {
    if (!period.matches("\\d{4}(-H1)?")) {
      throw new MalformedRequestException("period");
    }
    return filings.submissions(plan, period, CaseRequests.area("area", area));
  }

  @GetMapping("/api/v1/reports/{plan}/{period}/submissions/{area}/{version}")
  public ResponseEntity<byte[]> submitted(
      @PathVariable String plan,
      @PathVariable String period,
      @PathVariable String area,
      @PathVariable String version) {
    Integer number;
    try {
      number = version.equals("latest") ? null : Integer.valueOf(version);
    } catch (NumberFormatException e) {
      throw new MalformedRequestException("version");
    }
    ReportSubmission s = filings.file(plan, period, CaseRequests.area("area", area), number);
    return vn.cpms.infra.web.Downloads.attachment(
        s.content(), MediaType.parseMediaType(s.mediaType()), s.fileName());
  }

  @GetMapping("/api/v1/report-calendar")
  public List<Map<String, Object>> calendar(@RequestParam String area, @RequestParam int year) {
    return filings.calendar(
        CaseRequests.area("area", area), year, List.copyOf(registry.plans().values()));
  }
}
