package vn.cpms.query.indicators;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import vn.cpms.kernel.statistics.FindPlansQuery;
import vn.cpms.kernel.statistics.Plan;

/**
 * The plan catalogue: every indicator of the five seed plans with its code as in the plan, title,
 * targets, unit, direction, responsible agency and report deadlines, from the versioned resource
 * {@code plans/catalogue.json} (transcribed from the seeds; nothing invented).
 */
public class PlanCatalogue {
  static final String RESOURCE = "/plans/catalogue.json";

  private final int version;
  private final List<Plan> plans;

  public PlanCatalogue() {
    ObjectMapper json =
        new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = PlanCatalogue.class.getResourceAsStream(RESOURCE)) {
      JsonNode root = json.readTree(in);
      this.version = root.get("version").asInt();
      List<Plan> loaded = new ArrayList<>();
      for (JsonNode plan : root.get("plans")) {
        loaded.add(json.treeToValue(plan, Plan.class));
      }
      this.plans = List.copyOf(loaded);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the plan catalogue", e);
    }
  }

  public int version() {
    return version;
  }

  public List<Plan> plans() {
    return plans;
  }

  public Optional<Plan> plan(String id) {
    return plans.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  @QueryHandler
  public List<Plan> handle(FindPlansQuery query) {
    return plans;
  }
}
