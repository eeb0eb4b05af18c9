package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, point 6: an administrator manages users and areas from pages (not one JSON call at a
 * time), the national administrator rebuilds a read model and reads the audit log in Vietnam time;
 * a provincial administrator has the first two and not the others.
 */
class AdminPagesIT extends ApplicationIT {
  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void an_admin_adds_a_user_and_an_area_rebuilds_a_read_model_and_reads_the_audit_log() {
    FormSession admin = new FormSession(port);
    assertThat(admin.signIn("admin", ADMIN_PASSWORD)).isTrue();
    assertThat(admin.get("/admin").body())
        .contains("id=\"admin-users-link\"")
        .contains("id=\"admin-audit-link\"");

    // every fault of the user form at once, nothing saved
    var refused = admin.post("/admin/users", "username=X&displayName=&password=");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("id=\"user-username-error\"")
        .contains("id=\"user-displayName-error\"")
        .contains("id=\"user-roles-error\"");

    var saved =
        admin.post(
            "/admin/users",
            "username=pages.worker&displayName="
                + enc("Synthetic Người Dùng")
                + "&roles=CASE_WORKER&areaCodes=06652&password=pages-password-1&enabled=true");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(admin().get("/api/v1/users").json().findValuesAsText("username"))
        .contains("pages.worker");
    FormSession worker = new FormSession(port);
    assertThat(worker.signIn("pages.worker", "pages-password-1")).isTrue();
    assertThat(worker.get("/cases").statusCode()).isEqualTo(200);
    assertThat(admin.get("/admin/users?edit=pages.worker").body())
        .contains("value=\"pages.worker\"")
        .containsPattern("value=\"06652\" selected=\"selected\"");

    var area =
        admin.post(
            "/admin/areas", "code=62&name=" + enc("Tỉnh Synthetic Sáu Hai") + "&level=PROVINCE");
    assertThat(area.statusCode()).isEqualTo(302);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> admin.get("/admin/areas").body().contains("data-area=\"62\""));
    assertThat(admin.post("/admin/areas", "code=9&name=&level=COMMUNE").body())
        .contains("id=\"area-code-error\"")
        .contains("id=\"area-name-error\"");

    assertThat(admin.get("/admin/projections").body()).contains("data-projection=\"worklist\"");
    var rebuild = admin.post("/admin/projections/areas/rebuild", "");
    assertThat(rebuild.statusCode()).isEqualTo(302);

    // the audit log in Vietnam time: the worker's last read at its local time
    String audit = admin.get("/admin/audit?username=pages.worker").body();
    java.sql.Timestamp last =
        jdbc.queryForObject(
            "select at from audit_entry where username = 'pages.worker' order by id desc limit 1",
            java.sql.Timestamp.class);
    String local =
        DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"))
            .format(last.toInstant());
    assertThat(audit).contains(local).contains("UTC+7");
    assertThat(admin.get("/admin/audit?from=31/02/2026").body())
        .contains("id=\"audit-from-error\"");

    // a provincial administrator: users and areas, not the operations pages
    defineUser("pages.province.admin", "pages-password", "ADMIN", "06");
    FormSession provincial = new FormSession(port);
    assertThat(provincial.signIn("pages.province.admin", "pages-password")).isTrue();
    assertThat(provincial.get("/admin/users").statusCode()).isEqualTo(200);
    assertThat(provincial.get("/admin/audit").statusCode()).isEqualTo(403);
    assertThat(provincial.get("/admin/projections").statusCode()).isEqualTo(403);
  }
}
