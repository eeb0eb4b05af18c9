package vn.cpms.infra.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaView;
import vn.cpms.kernel.area.FindAreaQuery;
import vn.cpms.kernel.area.FindAreasQuery;

/**
 * Area codes checked against the registry (issue 15): a code the registry does not know is a 422
 * ({@code unknown-area}) instead of a case that no worklist shows; a commune merged away before the
 * date of a new fact is a 422 ({@code merged-area}, naming its successor). The registry is the
 * areas read model: an area defined a moment ago is known once that read model has caught up; a
 * client that defines an area and uses it at once sends the definition's {@code
 * Consistency-Position} with the next request (docs/consistency.md).
 */
@Component
public class KnownAreas {
  private final QueryGateway queries;

  public KnownAreas(QueryGateway queries) {
    this.queries = queries;
  }

  /** Checks {@code code} (if any) for a fact dated {@code on} ({@code null}: any date). */
  public void check(Violations v, String field, AreaCode code, LocalDate on) {
    check(v, field, code, on, false);
  }

  /**
   * The same, and the area must be a commune ({@code not-a-commune}): where a case is transferred
   * to (issue 16).
   */
  public void checkCommune(Violations v, String field, AreaCode code, LocalDate on) {
    check(v, field, code, on, true);
  }

  private void check(Violations v, String field, AreaCode code, LocalDate on, boolean commune) {
    if (code == null) {
      return;
    }
    AreaView area =
        queries
            .query(new FindAreaQuery(code), ResponseTypes.optionalInstanceOf(AreaView.class))
            .join()
            .orElse(null);
    if (area != null && commune && area.level() != vn.cpms.kernel.area.AreaLevel.COMMUNE) {
      v.add(field, "not-a-commune");
    }
    if (area == null) {
      v.add(field, "unknown-area");
    } else if (on != null
        && area.successorCode() != null
        && area.successionEffectiveOn() != null
        && !on.isBefore(area.successionEffectiveOn())) {
      v.add(
          field,
          "merged-area",
          area.successorCode().value(),
          area.successionEffectiveOn().toString());
    }
  }

  /** The area registry by code (the areas read model). */
  public Map<String, AreaView> registry() {
    return queries
        .query(new FindAreasQuery(), ResponseTypes.multipleInstancesOf(AreaView.class))
        .join()
        .stream()
        .collect(Collectors.toMap(a -> a.code().value(), Function.identity(), (a, b) -> a));
  }
}
