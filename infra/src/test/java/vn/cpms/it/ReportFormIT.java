package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, points 1 and 2, as a worker meets them: a report form shown again for a wrong field
 * keeps the existing child the worker picked, and the page after a successful report shows the new
 * case at once.
 */
class ReportFormIT extends ApplicationIT {

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void a_picked_child_stays_picked_when_the_form_comes_back_and_the_new_case_shows_at_once() {
    UUID child = UUID.randomUUID();
    assertThat(
            admin().post("/api/v1/children", ChildApiIT.child(child, "Synthetic Picked")).status())
        .isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin().get("/api/v1/children/" + child).status() == 200);
    FormSession browser = new FormSession(port);
    assertThat(browser.signIn("admin", ADMIN_PASSWORD)).isTrue();
    String form =
        "channel=PHONE&areaCode=06652&child.id="
            + child
            + "&suspectedForms=NEGLECT&seriousDanger=false&description="
            + enc("Synthetic report from the form");

    var wrong = browser.post("/cases", "reportedAt=not-a-time&" + form);
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body())
        .containsPattern("name=\"child.id\" value=\"" + child + "\"[^>]*checked")
        .contains("Synthetic Picked");

    String at =
        LocalDateTime.now(ZoneOffset.ofHours(7))
            .minusHours(1)
            .format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
    var done = browser.post("/cases", "reportedAt=" + enc(at) + "&" + form);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    String location = done.headers().firstValue("Location").orElseThrow();
    var page = browser.get(java.net.URI.create(location).getPath());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Synthetic report from the form");
    // the case is assigned by picking a worker of its commune, not by typing a name
    assertThat(page.body())
        .containsPattern("<select[^>]*name=\"workerUsername\"")
        .contains("<option value=\"worker.a\"");
    // an unknown status in the worklist's address is no error page
    assertThat(browser.get("/cases?status=FOO").statusCode()).isEqualTo(200);
    // the case names the picked child: no second child was registered
    assertThat(
            jdbc.queryForObject(
                "select count(*) from child_view where name_tokens @> ?::varchar[]",
                Long.class,
                (Object) personal.nameTokens("Synthetic Picked").toArray(String[]::new)))
        .isEqualTo(1);
  }
}
