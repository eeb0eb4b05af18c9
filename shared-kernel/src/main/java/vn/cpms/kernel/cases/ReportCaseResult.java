package vn.cpms.kernel.cases;

import vn.cpms.kernel.children.ChildId;

/**
 * What reporting a case answers: its ids, its version, and whether it was created now ({@code
 * false} when the same report was sent again with the same id).
 */
public record ReportCaseResult(CaseId caseId, ChildId childId, long version, boolean created) {}
