package vn.cpms.kernel.cases;

/** API code list {@code closure-reason}. */
public enum ClosureReason {
  SAFE,
  UNFOUNDED,
  TRANSFERRED,
  AGED_OUT,
  DECEASED,
  LOST_CONTACT,
  OTHER
}
