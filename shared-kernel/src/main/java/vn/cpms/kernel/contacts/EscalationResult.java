package vn.cpms.kernel.contacts;

import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.children.ChildId;

/** The case a contact became. */
public record EscalationResult(CaseId caseId, ChildId childId) {}
