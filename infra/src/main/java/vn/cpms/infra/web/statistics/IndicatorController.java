package vn.cpms.infra.web.statistics;

import static vn.cpms.infra.web.RequestValidation.required;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.kernel.statistics.Plan;

/** The REST endpoints of {@link IndicatorService}: HTTP in and out, nothing else. */
@RestController
public class IndicatorController {
  private final IndicatorService service;

  public IndicatorController(IndicatorService service) {
    this.service = service;
  }

  @PutMapping("/api/v1/population/{areaCode}/{year}")
  public ResponseEntity<Void> population(
      @PathVariable String areaCode,
      @PathVariable int year,
      @RequestBody IndicatorService.PopulationRequest body) {
    service.population(areaCode, year, body);
    return ResponseEntity.noContent().build();
  }

  /**
   * A figure for one plan's indicator, in the indicator's unit (STATISTICS.md revision 2). An
   * unknown plan or an indicator the plan does not have is {@code 404}; a count or an amount in VND
   * must be a whole number.
   */
  @PutMapping("/api/v1/figures/{areaCode}/{year}/{planId}/{indicatorCode}")
  public ResponseEntity<Void> planFigure(
      @PathVariable String areaCode,
      @PathVariable int year,
      @PathVariable String planId,
      @PathVariable String indicatorCode,
      @RequestBody IndicatorService.FigureRequest body) {
    service.planFigure(areaCode, year, planId, indicatorCode, body);
    return ResponseEntity.noContent().build();
  }

  /** The older path: the figure for every plan that has the indicator code. */
  @PutMapping("/api/v1/figures/{areaCode}/{year}/{indicatorCode}")
  public ResponseEntity<Void> figure(
      @PathVariable String areaCode,
      @PathVariable int year,
      @PathVariable String indicatorCode,
      @RequestBody IndicatorService.FigureRequest body) {
    service.figure(areaCode, year, indicatorCode, body);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/plans")
  public List<Map<String, Object>> plans() {
    return service.plans();
  }

  @GetMapping("/api/v1/plans/{plan}")
  public Plan plan(@PathVariable String plan) {
    return service.plan(plan);
  }

  /** Every indicator of a plan (or of every plan) for an area and a calendar year. */
  @GetMapping("/api/v1/indicators")
  public List<Map<String, Object>> indicators(
      @RequestParam(required = false) String plan,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) OffsetDateTime asOf) {
    return service.indicators(plan, area, year, asOf);
  }
}
