package vn.cpms.kernel.children;

/** API code list {@code sex}. */
public enum Sex {
  FEMALE,
  MALE,
  UNKNOWN
}
