package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 17: a projection write that PostgreSQL refuses is logged and parked with its SQL state
 * only, never with the row's values (a child's name, address, phone).
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedWriteIT extends ApplicationIT {
  static final String NAME = "Synthetic Refused Nameforlog";
  static final String PHONE = "0900000777";

  @Test
  void a_refused_write_is_logged_and_parked_without_the_childs_data(CapturedOutput output) {
    UUID child = UUID.randomUUID();
    // the name is sealed in the row (issue 17): the constraint refuses the child's id
    jdbc.execute(
        "alter table child_view add constraint refused_write_it"
            + " check (child_id <> '"
            + child
            + "') not valid");
    try {
      ApiClient.Response created =
          admin()
              .post("/api/v1/children", ChildApiIT.child(child, NAME).replace("0900000002", PHONE));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String cause =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      jdbc
                          .queryForList(
                              "select causemessage from deadletterentry"
                                  + " where sequenceidentifier = ?",
                              String.class,
                              child.toString())
                          .stream()
                          .findFirst()
                          .orElse(null),
                  found -> found != null);
      assertThat(cause).contains("SQLState 23514").doesNotContain(NAME).doesNotContain(PHONE);
      assertThat(output.getAll()).doesNotContain(NAME).doesNotContain("Nameforlog");
      assertThat(output.getAll()).doesNotContain(PHONE);
      // nor the statement's values, sealed as they are
      assertThat(output.getAll()).doesNotContain("pt1:" + child);

      // the operator sees it parked, without the child's data, and health says so (issue 18)
      ApiClient.Response parked = admin().get("/api/v1/admin/dead-letters");
      assertThat(parked.status()).isEqualTo(200);
      assertThat(parked.raw().body())
          .contains(child.toString(), "RefusedWrite", "ChildRegisteredEvent")
          .doesNotContain(NAME)
          .doesNotContain(PHONE);
      assertThat(anonymous().get("/actuator/health").json().get("status").asText())
          .isEqualTo("PARKED");
    } finally {
      jdbc.execute("alter table child_view drop constraint refused_write_it");
    }
    // the cause fixed, a retry projects the parked event and health is UP again
    ApiClient.Response retried =
        admin().post("/api/v1/admin/dead-letters/children/" + child + "/retry", "{}");
    assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
    assertThat(retried.json().get("retried").asBoolean()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin().get("/api/v1/children/" + child).status() == 200);
    assertThat(anonymous().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void a_parked_sequence_can_be_evicted_with_a_reason_that_is_audited() {
    UUID child = parked("Synthetic Evicted Child");
    String eviction = "/api/v1/admin/dead-letters/children/" + child + "/eviction";
    assertThat(admin().post(eviction, "{}").status()).isEqualTo(422);
    ApiClient.Response evicted =
        admin().post(eviction, "{\"reason\":\"test data entered by mistake\"}");
    assertThat(evicted.status()).as(evicted.toString()).isEqualTo(200);
    assertThat(evicted.json().get("evicted").asLong()).isEqualTo(1);
    assertThat(admin().get("/api/v1/admin/dead-letters").raw().body())
        .doesNotContain(child.toString());
    assertThat(
            jdbc.queryForObject(
                "select detail from audit_entry where path like ? order by id desc limit 1",
                String.class,
                "%/dead-letters/children/" + child + "/eviction"))
        .contains("test data entered by mistake");
    // the read model now lacks the evicted event; a rebuild makes it whole for the tests after
    rebuild("children");
  }

  @Test
  void a_national_admin_evicts_a_parked_sequence_from_the_admin_page_with_a_reason() {
    UUID child = parked("Synthetic Paged Child");
    FormSession page = new FormSession(port);
    assertThat(page.signIn("admin", ADMIN_PASSWORD)).isTrue();
    String listed = page.get("/admin/dead-letters").body();
    assertThat(listed)
        .contains("Sự kiện bị tạm giữ", child.toString(), "ChildRegisteredEvent")
        .doesNotContain("Synthetic Paged Child");
    String eviction = "/admin/dead-letters/children/" + child + "/eviction";
    assertThat(page.post(eviction, "reason=").body()).contains("Cần nêu lý do loại bỏ.");
    assertThat(page.post(eviction, "reason=Nhap+nham%2C+phieu+so+18").statusCode()).isEqualTo(302);
    assertThat(page.get("/admin/dead-letters").body())
        .contains("Đã loại bỏ")
        .doesNotContain(child.toString());
    assertThat(
            jdbc.queryForObject(
                "select detail from audit_entry where path like ? order by id desc limit 1",
                String.class,
                "%/admin/dead-letters/children/" + child + "/eviction"))
        .contains("phieu so 18");
    rebuild("children");
  }

  /**
   * Registers a child whose row the children's table refuses for a while (a constraint on its id),
   * and waits until the projection has parked it.
   */
  private UUID parked(String name) {
    UUID child = UUID.randomUUID();
    jdbc.execute(
        "alter table child_view add constraint refused_write_it_parked"
            + " check (child_id <> '"
            + child
            + "') not valid");
    try {
      assertThat(admin().post("/api/v1/children", ChildApiIT.child(child, name)).status())
          .isEqualTo(201);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  admin()
                      .get("/api/v1/admin/dead-letters")
                      .raw()
                      .body()
                      .contains(child.toString()));
    } finally {
      jdbc.execute("alter table child_view drop constraint refused_write_it_parked");
    }
    return child;
  }
}
