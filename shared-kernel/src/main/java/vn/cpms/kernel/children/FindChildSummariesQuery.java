package vn.cpms.kernel.children;

import java.util.Set;

/**
 * The children of a list's rows, by id, to name them (the worklist shows each case's child): their
 * {@link ChildSummary}s, erased children left out.
 */
public record FindChildSummariesQuery(Set<ChildId> ids) {
  public FindChildSummariesQuery {
    ids = Set.copyOf(ids);
  }
}
