package vn.cpms.kernel.area;

import java.util.Set;

/** A set of area codes (the answer to {@link ExpandAreasQuery}). */
public record AreaSet(Set<AreaCode> codes) {
  public AreaSet {
    codes = Set.copyOf(codes);
  }

  public boolean contains(AreaCode code) {
    return codes.contains(code);
  }
}
