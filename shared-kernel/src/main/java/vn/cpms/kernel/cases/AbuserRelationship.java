package vn.cpms.kernel.cases;

/** Who the person suspected of the abuse is to the child (never their name). */
public enum AbuserRelationship {
  PARENT,
  STEP_PARENT,
  GRANDPARENT,
  OTHER_RELATIVE,
  CAREGIVER,
  TEACHER,
  NEIGHBOUR,
  ACQUAINTANCE,
  STRANGER,
  OTHER_CHILD,
  OTHER,
  UNKNOWN
}
