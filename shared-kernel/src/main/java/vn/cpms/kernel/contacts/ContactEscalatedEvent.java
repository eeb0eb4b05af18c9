package vn.cpms.kernel.contacts;

import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.children.ChildId;

/** The contact was handed to a commune as a case (the case's report is in the same commit). */
@Revision("1")
public record ContactEscalatedEvent(
    ContactId contactId, CaseId caseId, ChildId childId, AreaCode areaCode)
    implements ContactEvent {
  @Override
  public java.util.UUID dataOwner() {
    return childId.value();
  }
}
