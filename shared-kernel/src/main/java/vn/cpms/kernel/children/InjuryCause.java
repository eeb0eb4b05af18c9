package vn.cpms.kernel.children;

/** API code list {@code injury-cause}. */
public enum InjuryCause {
  DROWNING,
  TRAFFIC,
  FALL,
  BURN,
  POISONING,
  ANIMAL,
  VIOLENCE,
  OTHER
}
