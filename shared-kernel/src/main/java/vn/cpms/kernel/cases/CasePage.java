package vn.cpms.kernel.cases;

import java.util.List;

/** One page of the worklist. */
public record CasePage(List<CaseView> items, int page, int size, long totalElements) {
  public CasePage {
    items = List.copyOf(items);
  }
}
