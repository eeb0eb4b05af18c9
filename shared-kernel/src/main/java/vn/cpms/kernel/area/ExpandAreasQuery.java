package vn.cpms.kernel.area;

import java.util.Set;

/**
 * The areas that {@code areas} cover: themselves, every area below them and, after a succession,
 * their predecessors (and everything below those); answers {@link AreaSet}.
 */
public record ExpandAreasQuery(Set<AreaCode> areas) {
  public ExpandAreasQuery {
    areas = Set.copyOf(areas);
  }
}
