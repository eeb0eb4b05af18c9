package vn.cpms.kernel.referrals;

/**
 * The kinds of service a child can be referred to (Decree 56/2017 and the plans' interagency
 * referral network: health, social work, education, police, legal aid, shelter, organisations).
 */
public enum ProviderType {
  HEALTH,
  SOCIAL_WORK,
  EDUCATION,
  POLICE,
  LEGAL_AID,
  SHELTER,
  NGO,
  OTHER
}
