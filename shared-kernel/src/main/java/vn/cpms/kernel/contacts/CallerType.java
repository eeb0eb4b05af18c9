package vn.cpms.kernel.contacts;

/** API code list {@code caller-type}. */
public enum CallerType {
  CHILD,
  PARENT,
  RELATIVE,
  NEIGHBOUR,
  TEACHER,
  OFFICIAL,
  ANONYMOUS,
  OTHER
}
