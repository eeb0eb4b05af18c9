package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, point 9: the operator's day. A call-back in the same minute is a repeat caller, with
 * the earlier contact one click away; the escalation starts with what the contact holds; a silent
 * or prank call is saved and closed in one click; past contacts are found by phone number, the
 * number never in an address.
 */
class HotlinePagesIT extends ApplicationIT {
  static final String PHONE = "0913 191 919";
  static final String SUMMARY = "Synthetic: a neighbour hears a child crying every night";

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String contactId(HttpResponse<String> saved) {
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    String location = saved.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  @Test
  void a_call_back_in_the_same_minute_is_a_repeat_and_the_escalation_starts_from_the_contact() {
    defineUser("hotline.pages", "hotline-password", "HOTLINE_OPERATOR", "01");
    FormSession operator = new FormSession(port);
    assertThat(operator.signIn("hotline.pages", "hotline-password")).isTrue();
    String minute =
        OffsetDateTime.now(ZoneOffset.ofHours(7))
            .minusMinutes(3)
            .format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
    String call =
        "receivedAt="
            + enc(minute)
            + "&channel=HOTLINE_111&callerType=NEIGHBOUR&topic=VIOLENCE.PHYSICAL&areaCode=06652"
            + "&callerPhone="
            + enc(PHONE)
            + "&childSex=FEMALE&childAgeYears=8&durationMinutes=4&summary="
            + enc(SUMMARY);
    String first = contactId(operator.post("/hotline/contacts", call));
    operator.get("/hotline/contacts/" + first); // the page waits for the first contact
    String second = contactId(operator.post("/hotline/contacts", call));

    String page = operator.get("/hotline/contacts/" + second).body();
    assertThat(page).contains("id=\"repeat-caller\"").contains("id=\"earlier-contacts\"");
    assertThat(page).contains("href=\"/hotline/contacts/" + first + "\"");
    // the escalation form already holds the commune, the child and the summary
    assertThat(page)
        .containsPattern("name=\"areaCode\" value=\"06652\"")
        .containsPattern("<option value=\"FEMALE\" selected=\"selected\"")
        .containsPattern("name=\"child.ageYears\" value=\"8\"")
        .contains(SUMMARY + "</textarea>")
        .containsPattern("value=\"VIOLENCE\" id=\"[^\"]*\" checked=\"checked\"");
    assertThat(page).doesNotContain(PHONE);

    // past contacts by number: both, the number sent in the body only
    HttpResponse<String> found = operator.post("/hotline/search", "phone=" + enc(PHONE));
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body())
        .contains("data-contact=\"" + first + "\"")
        .contains("data-contact=\"" + second + "\"");
    assertThat(operator.post("/hotline/search", "phone=").body())
        .contains("id=\"caller-search-phone\"")
        .contains("aria-invalid=\"true\"");
  }

  /** Today's contacts that are silent calls closed as such. */
  long silentCalls() {
    return admin()
        .get("/api/v1/contacts?size=200")
        .json()
        .get("content")
        .findParents("subcategory")
        .stream()
        .filter(c -> "SILENT".equals(c.get("subcategory").asText()))
        .filter(c -> "NON_CASE".equals(c.get("category").asText()))
        .filter(c -> "SILENT_CALL".equals(c.get("outcome").asText()))
        .count();
  }

  @Test
  void a_silent_call_is_saved_and_closed_in_one_click() {
    defineUser("hotline.quick", "hotline-password", "HOTLINE_OPERATOR", "01");
    FormSession operator = new FormSession(port);
    assertThat(operator.signIn("hotline.quick", "hotline-password")).isTrue();
    String minute =
        OffsetDateTime.now(ZoneOffset.ofHours(7))
            .minusMinutes(1)
            .format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
    long before = storedEvents();
    long silentBefore = silentCalls();
    HttpResponse<String> closed =
        operator.post(
            "/hotline/contacts/quick",
            "receivedAt="
                + enc(minute)
                + "&channel=HOTLINE_111&callerType=ANONYMOUS&topic=&kind=SILENT");
    assertThat(closed.statusCode()).isEqualTo(302);
    assertThat(closed.headers().firstValue("Location").orElseThrow()).endsWith("/hotline");
    assertThat(storedEvents()).isEqualTo(before + 2);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> silentCalls() > silentBefore);
    assertThat(operator.post("/hotline/contacts/quick", "kind=NOPE").statusCode()).isEqualTo(400);
  }
}
