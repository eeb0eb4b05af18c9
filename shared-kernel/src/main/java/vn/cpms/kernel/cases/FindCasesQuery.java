package vn.cpms.kernel.cases;

import java.util.Set;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.children.ChildId;

/**
 * The worklist: cases filtered by area, status, assignee and overdue flag, most urgent first, one
 * page at a time. {@code null} filters match everything.
 *
 * @param areas the area codes a case may belong to, already expanded to every area below the
 *     requested ones (official codes do not nest by prefix); empty matches nothing
 * @param caseNumber only the case with this short number ({@link CaseId#number()}), any case
 * @param children only cases of these children (a search by name); empty matches nothing
 * @param page zero-based page number
 */
public record FindCasesQuery(
    Set<AreaCode> areas,
    CaseStatus status,
    String assignee,
    Boolean overdue,
    String caseNumber,
    Set<ChildId> children,
    int page,
    int size) {
  public FindCasesQuery(
      Set<AreaCode> areas,
      CaseStatus status,
      String assignee,
      Boolean overdue,
      int page,
      int size) {
    this(areas, status, assignee, overdue, null, null, page, size);
  }

  public FindCasesQuery {
    areas = areas == null ? null : Set.copyOf(areas);
    children = children == null ? null : Set.copyOf(children);
    if (page < 0) {
      throw new IllegalArgumentException("page must not be negative");
    }
    if (size < 1) {
      throw new IllegalArgumentException("size must be positive");
    }
  }
}
