package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, as a curious insider would try it: admins held to their areas, users that can be
 * disabled, changes that count at the next request, a sign-in throttle no one can turn against
 * another user, and no change sent by a cross-site form.
 */
class AdminsAndSignInIT extends ApplicationIT {
  static boolean regionalAdmin;

  ApiClient regionalAdmin() {
    if (!regionalAdmin) {
      ApiClient.Response r =
          admin()
              .put(
                  "/api/v1/users/admin.77",
                  "{\"displayName\":\"Synthetic\",\"roles\":[\"ADMIN\"],\"areaCodes\":[\"77\"],"
                      + "\"password\":\"admin.77-password\"}");
      assertThat(r.status()).as(r.toString()).isIn(200, 201);
      regionalAdmin = true;
    }
    return new ApiClient(port, "admin.77", "admin.77-password");
  }

  String user(String name, String role, String area) {
    String password = name + "-password";
    defineUser(name, password, role, area);
    return password;
  }

  @Test
  void an_admin_with_areas_manages_only_inside_them() {
    ApiClient regional = regionalAdmin();
    ApiClient.Response outside =
        regional.put(
            "/api/v1/users/worker.x06",
            "{\"displayName\":\"S\",\"roles\":[\"CASE_WORKER\"],\"areaCodes\":[\"06652\"],"
                + "\"password\":\"worker.x06-password\"}");
    assertThat(outside.status()).as(outside.toString()).isEqualTo(422);
    assertThat(outside.json().get("errors").findValuesAsText("code")).contains("area-not-allowed");
    ApiClient.Response national =
        regional.put(
            "/api/v1/users/admin.everywhere",
            "{\"displayName\":\"S\",\"roles\":[\"ADMIN\"],\"password\":\"admin.everywhere-pw\"}");
    assertThat(national.status()).isEqualTo(422);
    assertThat(
            regional
                .put(
                    "/api/v1/users/worker.a",
                    "{\"displayName\":\"S\",\"roles\":[\"CASE_WORKER\"],\"areaCodes\":[\"77001\"]}")
                .status())
        .isEqualTo(403);
    ApiClient.Response inside =
        regional.put(
            "/api/v1/users/worker.77001",
            "{\"displayName\":\"S\",\"roles\":[\"CASE_WORKER\"],\"areaCodes\":[\"77001\"],"
                + "\"password\":\"worker.77001-password\"}");
    assertThat(inside.status()).as(inside.toString()).isIn(200, 201);
    assertThat(regional.get("/api/v1/users").json().findValuesAsText("username"))
        .contains("worker.77001")
        .doesNotContain("worker.a", "admin");

    UUID child = UUID.randomUUID();
    assertThat(admin().post("/api/v1/children", ChildApiIT.child(child, "Synthetic")).status())
        .isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin().get("/api/v1/children/" + child).status() == 200);
    assertThat(regional.post("/api/v1/children/" + child + "/erasure", "{}").status())
        .isEqualTo(404);
    assertThat(
            regional
                .put(
                    "/api/v1/areas/06999",
                    "{\"name\":\"x\",\"level\":\"COMMUNE\",\"parentCode\":\"06\"}")
                .status())
        .isEqualTo(422);
    assertThat(regional.put("/api/v1/areas/78", "{\"name\":\"x\",\"level\":\"PROVINCE\"}").status())
        .isEqualTo(422);
    assertThat(regional.get("/api/v1/admin/audit").status()).isEqualTo(403);
    // no national reach, no equal, no change of one's own access (the review of issue 16)
    ApiClient.Response operator =
        regional.put(
            "/api/v1/users/operator.77",
            "{\"displayName\":\"S\",\"roles\":[\"HOTLINE_OPERATOR\"],\"areaCodes\":[\"77001\"],"
                + "\"password\":\"operator.77-password\"}");
    assertThat(operator.status()).isEqualTo(422);
    assertThat(operator.json().get("errors").findValuesAsText("code")).contains("role-not-allowed");
    ApiClient.Response self =
        regional.put(
            "/api/v1/users/admin.77",
            "{\"displayName\":\"S\",\"roles\":[\"ADMIN\",\"SUPERVISOR\"],\"areaCodes\":[\"77\"]}");
    assertThat(self.status()).isEqualTo(422);
    assertThat(self.json().get("errors").findValuesAsText("code")).contains("own-account");
    defineUser("admin.77b", "admin.77b-password", "ADMIN", "77");
    assertThat(
            regional
                .put(
                    "/api/v1/users/admin.77b",
                    "{\"displayName\":\"S\",\"roles\":[\"ADMIN\"],\"areaCodes\":[\"77\"],"
                        + "\"password\":\"taken-over-password\"}")
                .status())
        .isEqualTo(403);
    ApiClient.Response contact =
        regional.post(
            "/api/v1/contacts",
            "{\"receivedAt\":\"2026-01-05T08:00:00+07:00\",\"channel\":\"HOTLINE_111\","
                + "\"callerType\":\"CHILD\",\"category\":\"VIOLENCE\",\"areaCode\":\"06652\"}");
    assertThat(contact.status()).as(contact.toString()).isEqualTo(422);
    assertThat(regional.post("/api/v1/admin/projections/worklist/rebuild", "{}").status())
        .isEqualTo(403);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'USER_CHANGE'"
                    + " and resource_id = 'worker.77001' and username = 'admin.77'",
                Long.class))
        .isEqualTo(1);
  }

  @Test
  void a_disabled_user_or_a_changed_password_is_refused_at_the_next_request() {
    String password = user("worker.leaving", "CASE_WORKER", "06652");
    ApiClient leaving = new ApiClient(port, "worker.leaving", password);
    assertThat(leaving.get("/api/v1/cases?size=1").status()).isEqualTo(200);
    ApiClient.Response disable =
        admin()
            .put(
                "/api/v1/users/worker.leaving",
                "{\"displayName\":\"S\",\"roles\":[\"CASE_WORKER\"],\"areaCodes\":[\"06652\"],"
                    + "\"enabled\":false}");
    assertThat(disable.status()).as(disable.toString()).isEqualTo(200);
    assertThat(disable.json().get("enabled").asBoolean()).isFalse();
    assertThat(leaving.get("/api/v1/cases?size=1").status()).isEqualTo(401);

    String before = user("worker.renewed", "CASE_WORKER", "06652");
    assertThat(new ApiClient(port, "worker.renewed", before).get("/api/v1/cases").status())
        .isEqualTo(200);
    defineUser("worker.renewed", "a-brand-new-password", "CASE_WORKER", "06652");
    assertThat(new ApiClient(port, "worker.renewed", before).get("/api/v1/cases").status())
        .isEqualTo(401);
    assertThat(
            new ApiClient(port, "worker.renewed", "a-brand-new-password")
                .get("/api/v1/cases")
                .status())
        .isEqualTo(200);
  }

  @Test
  void a_change_of_roles_ends_the_users_web_sessions() {
    String password = user("worker.web", "CASE_WORKER", "06652");
    FormSession browser = new FormSession(port);
    assertThat(browser.signIn("worker.web", password)).isTrue();
    assertThat(browser.get("/cases").statusCode()).isEqualTo(200);
    defineUser("worker.web", password, "STATISTICIAN", "06652");
    var after = browser.get("/cases");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
  }

  @Test
  void passwords_follow_the_policy_and_a_long_one_is_a_422_not_a_500() {
    ApiClient.Response tooShort =
        admin()
            .put(
                "/api/v1/users/worker.short",
                "{\"displayName\":\"S\",\"roles\":[\"CASE_WORKER\"],\"areaCodes\":[\"06652\"],"
                    + "\"password\":\"elevenchars\"}");
    assertThat(tooShort.status()).isEqualTo(422);
    ApiClient.Response tooLong =
        admin()
            .put(
                "/api/v1/users/worker.long",
                "{\"displayName\":\"S\",\"roles\":[\"CASE_WORKER\"],\"areaCodes\":[\"06652\"],"
                    + "\"password\":\""
                    + "mật khẩu".repeat(10)
                    + "\"}");
    assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(422);
    assertThat(tooLong.json().get("errors").findValuesAsText("code")).contains("password-too-long");
    assertThat(new ApiClient(port, "admin", "x".repeat(100)).get("/api/v1/cases").status())
        .isEqualTo(401);
  }

  @Test
  void a_burst_of_guesses_gets_no_more_checks_than_the_limit_and_locks_only_its_source()
      throws Exception {
    String password = user("worker.target", "CASE_WORKER", "06652");
    ApiClient guesser = new ApiClient(port, "worker.target", "wrong-password-guess");
    List<Callable<Integer>> burst = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      burst.add(() -> guesser.get("/api/v1/cases?size=1").status());
    }
    var pool = Executors.newFixedThreadPool(10);
    try {
      for (Future<Integer> answer : pool.invokeAll(burst)) {
        assertThat(answer.get()).isEqualTo(401);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where username = 'worker.target'"
                    + " and action = 'SIGN_IN_FAILED'",
                Long.class))
        .isLessThanOrEqualTo(5);
    // the guesser's address is locked, even for the right password, with the same answer
    ApiClient.Response locked = new ApiClient(port, "worker.target", password).get("/api/v1/cases");
    ApiClient.Response wrong = guesser.get("/api/v1/cases");
    ApiClient.Response unknown = new ApiClient(port, "nobody.here", "x").get("/api/v1/cases");
    assertThat(locked.status()).isEqualTo(401);
    assertThat(locked.raw().body()).isEqualTo(wrong.raw().body()).isEqualTo(unknown.raw().body());
    // from another address the account is open
    ApiClient elsewhere = ApiClient.at("http://[::1]:" + port, "worker.target", password);
    assertThat(elsewhere.get("/api/v1/cases?size=1").status()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where username = 'worker.target'"
                    + " and action = 'LOCKED_OUT'",
                Long.class))
        .isPositive();
  }

  @Test
  void a_right_password_does_not_wipe_the_failures_around_it() {
    String password = user("worker.mixed", "CASE_WORKER", "06652");
    ApiClient right = new ApiClient(port, "worker.mixed", password);
    ApiClient wrong = new ApiClient(port, "worker.mixed", "not-the-password");
    for (int i = 0; i < 3; i++) {
      assertThat(wrong.get("/api/v1/codes/channel").status()).isEqualTo(401);
    }
    assertThat(right.get("/api/v1/codes/channel").status()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThat(wrong.get("/api/v1/codes/channel").status()).isEqualTo(401);
    }
    // a right password verified a moment ago is remembered only while nothing changed: a new
    // client's pair is checked again, and this address is now locked
    assertThat(
            admin()
                .put(
                    "/api/v1/users/worker.mixed",
                    "{\"displayName\":\"S\",\"roles\":[\"CASE_WORKER\"],\"areaCodes\":[\"06655\"]}")
                .status())
        .isEqualTo(200);
    assertThat(right.get("/api/v1/codes/channel").status()).isEqualTo(401);
    // an admin setting a new password unlocks the account
    defineUser("worker.mixed", "worker.mixed-new-password", "CASE_WORKER", "06655");
    assertThat(
            new ApiClient(port, "worker.mixed", "worker.mixed-new-password")
                .get("/api/v1/codes/channel")
                .status())
        .isEqualTo(200);
  }

  @Test
  void a_change_sent_without_a_json_body_type_is_refused_with_415() {
    UUID child = UUID.randomUUID();
    String erasure = "/api/v1/children/" + child + "/erasure";
    for (String type :
        new String[] {
          null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"
        }) {
      ApiClient.Response r = admin().send("POST", erasure, type, type == null ? null : "a=b");
      assertThat(r.status()).as(type + " " + r).isEqualTo(415);
    }
    assertThat(admin().send("POST", erasure, "application/json", null).status()).isEqualTo(404);
  }
}
