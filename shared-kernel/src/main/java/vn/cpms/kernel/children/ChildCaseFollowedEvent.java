package vn.cpms.kernel.children;

import java.util.List;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseId;

/**
 * A case of the child was reported, transferred, closed or reopened: it is now in {@code areaCode},
 * open or not, and the child is worked by {@code workingAreas} (the areas of its open cases; with
 * none open, the area of its case that changed last).
 */
@Revision("1")
public record ChildCaseFollowedEvent(
    ChildId childId, CaseId caseId, AreaCode areaCode, boolean open, List<AreaCode> workingAreas)
    implements ChildEvent {
  public ChildCaseFollowedEvent {
    workingAreas = List.copyOf(workingAreas);
  }
}
