package vn.cpms.kernel.cases;

/** API code list {@code risk-level}; {@code SERIOUS}: the child is in danger (12-hour measures). */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH,
  SERIOUS
}
