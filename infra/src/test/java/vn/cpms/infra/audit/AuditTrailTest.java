package vn.cpms.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests the audit keeps, and as what. */
class AuditTrailTest {
  static final String ID = "6f1c2d3e-0000-4000-8000-000000000001";

  @Test
  void reads_of_a_case_child_or_contact_are_kept_with_their_id_through_the_api_and_the_pages() {
    assertThat(AuditTrail.classify("GET", "/api/v1/cases/" + ID + "/timeline"))
        .isEqualTo(new AuditTrail.Target("READ", "cases", ID));
    assertThat(AuditTrail.classify("GET", "/api/v1/children/" + ID))
        .isEqualTo(new AuditTrail.Target("READ", "children", ID));
    assertThat(AuditTrail.classify("GET", "/cases/" + ID))
        .isEqualTo(new AuditTrail.Target("READ", "cases", ID));
    assertThat(AuditTrail.classify("GET", "/hotline/contacts/" + ID))
        .isEqualTo(new AuditTrail.Target("READ", "contacts", ID));
    assertThat(AuditTrail.classify("GET", "/cases"))
        .isEqualTo(new AuditTrail.Target("READ", "cases", null));
  }

  @Test
  void every_command_is_kept_but_reads_of_figures_codes_and_static_files_are_not() {
    assertThat(AuditTrail.classify("POST", "/api/v1/cases/" + ID + "/closure"))
        .isEqualTo(new AuditTrail.Target("COMMAND", "cases", ID));
    assertThat(AuditTrail.classify("PUT", "/api/v1/users/someone"))
        .isEqualTo(new AuditTrail.Target("COMMAND", "users", "someone"));
    assertThat(AuditTrail.classify("POST", "/children/" + ID + "/support"))
        .isEqualTo(new AuditTrail.Target("COMMAND", "children", ID));
    assertThat(AuditTrail.classify("GET", "/api/v1/statistics/cases-reported")).isNull();
    assertThat(AuditTrail.classify("GET", "/api/v1/codes/channel")).isNull();
    assertThat(AuditTrail.classify("GET", "/css/app.css")).isNull();
    assertThat(AuditTrail.classify("GET", "/api/v1/admin/audit"))
        .isEqualTo(new AuditTrail.Target("READ", "audit", null));
  }
}
