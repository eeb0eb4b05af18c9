package vn.cpms.kernel.cases;

/** One case as the case page shows it; answers {@code Optional<CaseView>}. */
public record FindCaseQuery(CaseId caseId) {}
