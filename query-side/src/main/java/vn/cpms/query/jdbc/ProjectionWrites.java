package vn.cpms.query.jdbc;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The {@link BatchedWrites} of each processing group of one application: the projections write
 * through them, and the savepoint around each handler (infra) finds its group's writer here. One
 * instance per application context, so two applications in one JVM (a test's nodes) share nothing.
 */
public final class ProjectionWrites {
  private final NamedParameterJdbcTemplate jdbc;
  private final Map<String, BatchedWrites> groups = new ConcurrentHashMap<>();

  public ProjectionWrites(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The writer of {@code group}, made on first use. */
  public BatchedWrites of(String group) {
    return groups.computeIfAbsent(group, g -> new BatchedWrites(g, jdbc));
  }

  /** The writer of {@code group} if it writes through {@link BatchedWrites}. */
  public Optional<BatchedWrites> find(String group) {
    return Optional.ofNullable(groups.get(group));
  }
}
