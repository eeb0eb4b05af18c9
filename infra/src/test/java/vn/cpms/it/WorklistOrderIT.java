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
}
