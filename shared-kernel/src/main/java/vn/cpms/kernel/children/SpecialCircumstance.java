package vn.cpms.kernel.children;

/**
 * The 14 groups of children in special circumstances, Law on Children 2016 art. 10, in order (API
 * code list {@code special-circumstance}; labels in the message bundles).
 */
public enum SpecialCircumstance {
  SC01,
  SC02,
  SC03,
  SC04,
  SC05,
  SC06,
  SC07,
  SC08,
  SC09,
  SC10,
  SC11,
  SC12,
  SC13,
  SC14
}
