package vn.cpms.infra.web.statistics;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.statistics.ImportTemplates;
import vn.cpms.infra.statistics.StatisticsImports;
import vn.cpms.infra.web.ApiProblems;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.statistics.Plan;

/**
 * Population and figures imported from a spreadsheet, and the templates to fill in ({@code
 * /api/v1/imports/population}, {@code /api/v1/imports/figures}): the file as the body ({@code
 * text/csv}, XLSX, or {@code multipart/form-data} with a part {@code file}); {@code 200} with what
 * was recorded, or {@code 422} with every refused row and nothing saved.
 */
@RestController
public class ImportController {
  /** The largest file accepted. */
  static final int MAX_MEGABYTES = 10;

  private final StatisticsImports imports;
  private final ImportTemplates templates;
  private final ApiProblems problems;
  private final CallerScope scope;

  public ImportController(
      StatisticsImports imports,
      ImportTemplates templates,
      ApiProblems problems,
      CallerScope scope) {
    this.imports = imports;
    this.templates = templates;
    this.problems = problems;
    this.scope = scope;
  }

  @PostMapping(
      path = "/api/v1/imports/{kind}",
      consumes = {
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        MediaType.APPLICATION_OCTET_STREAM_VALUE
      })
  public ResponseEntity<?> importFile(@PathVariable String kind, HttpServletRequest request)
      throws IOException {
    // the file is the body (a multipart form is what a cross-site form sends: refused with 415)
    byte[] body = request.getInputStream().readNBytes(MAX_MEGABYTES * 1024 * 1024 + 1);
    return answer(kind, body);
  }

  /** The import's answer: what was recorded, or the refused rows. */
  public ResponseEntity<?> answer(String kind, byte[] body) {
    if (body.length > MAX_MEGABYTES * 1024 * 1024) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
          .body(problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", MAX_MEGABYTES));
    }
    StatisticsImports.Result result =
        switch (kind) {
          case "population" -> imports.population(body);
          case "figures" -> imports.figures(body);
          default -> throw new NotFoundException("import");
        };
    if (!result.accepted()) {
      ProblemDetail problem =
          problems.problem(
              HttpStatus.UNPROCESSABLE_ENTITY, "import-refused", result.refused().size());
      problem.setProperty("refused", result.refused());
      problem.setProperty("rows", result.rows());
      return ResponseEntity.unprocessableEntity().body(problem);
    }
    Map<String, Object> body_ = new LinkedHashMap<>();
    body_.put("kind", result.kind());
    body_.put("rows", result.rows());
    body_.put("records", result.records());
    return ResponseEntity.ok(body_);
  }

  @GetMapping("/api/v1/imports/population/template")
  public ResponseEntity<byte[]> populationTemplate(
      @RequestParam String area,
      @RequestParam int year,
      @RequestParam(defaultValue = "xlsx") String format) {
    AreaCode code = readable(area, year, format);
    return vn.cpms.infra.web.Downloads.template(
        templates.population(code, year, format.equals("xlsx")));
  }

  @GetMapping("/api/v1/imports/figures/template")
  public ResponseEntity<byte[]> figuresTemplate(
      @RequestParam String plan,
      @RequestParam String area,
      @RequestParam int year,
      @RequestParam(defaultValue = "xlsx") String format) {
    AreaCode code = readable(area, year, format);
    Plan found =
        imports.plans().values().stream()
            .filter(p -> p.id().equals(plan))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("plan"));
    return vn.cpms.infra.web.Downloads.template(
        templates.figures(found, code, year, format.equals("xlsx")));
  }

  private AreaCode readable(String area, int year, String format) {
    Violations v = Violations.collect();
    AreaCode code = CaseRequests.area(v, "area", area);
    if (year < 2000 || year > 2100) {
      v.add("year", "out-of-range", 2000, 2100);
    }
    if (!List.of("csv", "xlsx").contains(format)) {
      v.add("format", "unknown-code", "csv, xlsx");
    }
    v.throwIfAny();
    scope.requireReadable(code);
    return code;
  }
}
