package vn.cpms.kernel.cases;

/** The notes of a case, newest first; answers a list of {@link CaseNoteView}. */
public record FindCaseNotesQuery(CaseId caseId) {}
