package vn.cpms.infra.security;

/** The roles of API.md (Users). */
public enum Role {
  HOTLINE_OPERATOR,
  CASE_WORKER,
  SUPERVISOR,
  STATISTICIAN,
  ADMIN
}
