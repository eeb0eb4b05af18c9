package vn.cpms.kernel.cases;

/** Every event of a case in order; answers {@link CaseTimeline}. */
public record FindCaseTimelineQuery(CaseId caseId) {}
