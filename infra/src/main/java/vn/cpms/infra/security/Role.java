package vn.cpms.infra.security;

/** The roles of API.md (Users). */
public enum Role {
  HOTLINE_OPERATOR,
  CASE_WORKER,
  SUPERVISOR,
  STATISTICIAN,
  ADMIN,
  /**
   * A provider of the service directory (issue 20): sees and answers only the referrals made to
   * their provider, nothing else.
   */
  PROVIDER
}
