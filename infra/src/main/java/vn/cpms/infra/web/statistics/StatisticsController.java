package vn.cpms.infra.web.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST endpoints of {@link StatisticsService}: HTTP in and out, nothing else. */
@RestController
public class StatisticsController {
  private final StatisticsService service;

  public StatisticsController(StatisticsService service) {
    this.service = service;
  }

  @GetMapping("/api/v1/statistics/{measure}")
  public Map<String, Object> measure(
      @PathVariable String measure,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      @RequestParam(required = false) OffsetDateTime asOf,
      @RequestParam(required = false) String by) {
    return service.measure(measure, area, from, to, asOf, by);
  }
}
