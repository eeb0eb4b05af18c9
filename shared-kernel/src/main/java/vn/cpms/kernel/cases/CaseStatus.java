package vn.cpms.kernel.cases;

/** Where a case stands in the Decree 56/2017 procedure. */
public enum CaseStatus {
  REPORTED,
  ASSIGNED,
  INITIALLY_ASSESSED,
  ASSESSED,
  PLAN_SUBMITTED,
  PLAN_APPROVED,
  INTERVENTIONS_COMPLETED,
  CLOSED
}
