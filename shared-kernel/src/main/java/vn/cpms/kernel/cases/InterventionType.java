package vn.cpms.kernel.cases;

/** API code list {@code intervention-type}. */
public enum InterventionType {
  MEDICAL,
  PSYCHOSOCIAL,
  LEGAL_AID,
  SAFE_PLACEMENT,
  FAMILY_SUPPORT,
  EDUCATION,
  SOCIAL_ASSISTANCE,
  REFERRAL,
  OTHER
}
