package vn.cpms.kernel.registers;

/** Money into the child protection fund, or out of it. */
public enum FundEntryKind {
  CONTRIBUTION,
  DISBURSEMENT
}
