package vn.cpms.kernel.referrals;

/** Where a referral stands: sent, then accepted (then done) or declined. */
public enum ReferralStatus {
  SENT,
  ACCEPTED,
  DECLINED,
  DONE
}
