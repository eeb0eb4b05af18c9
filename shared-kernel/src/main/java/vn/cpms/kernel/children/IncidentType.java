package vn.cpms.kernel.children;

/** API code list {@code incident-type}. */
public enum IncidentType {
  INJURY,
  CHILD_MARRIAGE,
  CHILD_LABOUR,
  DISASTER
}
