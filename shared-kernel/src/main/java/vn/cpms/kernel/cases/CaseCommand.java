package vn.cpms.kernel.cases;

/** A command on an existing case, with the version the user saw. */
public interface CaseCommand {
  CaseId caseId();

  Long expectedVersion();
}
