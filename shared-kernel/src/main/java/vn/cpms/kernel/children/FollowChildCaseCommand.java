package vn.cpms.kernel.children;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseId;

/**
 * The child follows its case (issue 16): sent by the system whenever a case of the child is
 * reported, transferred, closed or reopened, so that the communes of the child's open cases work
 * the child. Sending the same state again changes nothing.
 */
public record FollowChildCaseCommand(
    @TargetAggregateIdentifier ChildId childId, CaseId caseId, AreaCode areaCode, boolean open) {}
