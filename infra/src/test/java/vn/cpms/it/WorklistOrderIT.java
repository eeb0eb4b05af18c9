package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, point 3: the worklist puts overdue cases first, and "not overdue" lists every other
 * case, new ones included (a NULL clock sorted new cases above overdue ones and hid them).
 */
class WorklistOrderIT extends ApplicationIT {
  String report(String reportedAt, boolean seriousDanger) {
    ApiClient.Response created =
        admin()
            .post(
                "/api/v1/cases",
                CaseApiIT.caseBody(null, "PHONE", "")
                    .replace(CaseApiIT.RECENT, reportedAt)
                    .replace("06652", "63001")
                    .replace("\"seriousDanger\":true", "\"seriousDanger\":" + seriousDanger));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  @Test
  void overdue_cases_come_first_and_new_ones_are_not_overdue() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
    String fresh = report(now.minusHours(1).toString(), false);
    String late = report(now.minusDays(3).toString(), true); // its 12 hours ran out
    List<String> all =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    admin()
                        .get("/api/v1/cases?area=63001&size=200")
                        .json()
                        .get("content")
                        .findValuesAsText("id"),
                ids -> ids.containsAll(List.of(fresh, late)));
    assertThat(all.indexOf(late)).isLessThan(all.indexOf(fresh));
    assertThat(
            admin()
                .get("/api/v1/cases?area=63001&overdue=false&size=200")
                .json()
                .get("content")
                .findValuesAsText("id"))
        .contains(fresh)
        .doesNotContain(late);
    assertThat(
            admin()
                .get("/api/v1/cases?area=63001&overdue=true&size=200")
                .json()
                .get("content")
                .findValuesAsText("id"))
        .contains(late)
        .doesNotContain(fresh);
  }

  @Test
  void the_worklist_page_reaches_every_case_a_page_at_a_time() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
    for (int i = 0; i < 51; i++) {
      report(now.minusMinutes(5 + i).toString(), false);
    }
    FormSession browser = new FormSession(port);
    assertThat(browser.signIn("admin", ADMIN_PASSWORD)).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> browser.get("/cases").body().contains("id=\"pager-next\""));
    var second = browser.get("/cases?page=1");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("id=\"pager-previous\"");
    // a page past the end shows the last one, not an empty list
    var far = browser.get("/cases?page=9999");
    assertThat(far.statusCode()).isEqualTo(200);
    assertThat(far.body()).contains("id=\"pager-previous\"").doesNotContain("id=\"pager-next\"");
  }
}
