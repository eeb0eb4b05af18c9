package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: no page shows a message key for want of its text (Thymeleaf's {@code ??key_vi??}, as
 * the dashboard did for an indicator without a target), in Vietnamese or in English, and no page
 * has an element id twice (every list of codes was rendered twice).
 */
class PagesIT extends ApplicationIT {
  static final List<String> PAGES =
      List.of(
          "/cases",
          "/cases/new",
          "/hotline",
          "/supervision",
          "/providers",
          "/inbox",
          "/statistics",
          "/statistics/explorer",
          "/statistics/reports",
          "/statistics/data",
          "/statistics/data/figures",
          "/statistics/registers",
          "/admin/dead-letters",
          "/admin",
          "/admin/users",
          "/admin/areas",
          "/admin/projections",
          "/admin/audit");

  @Test
  void every_page_has_the_text_of_each_of_its_messages_in_both_languages() {
    FormSession page = new FormSession(port);
    assertThat(page.signIn("admin", ADMIN_PASSWORD)).isTrue();
    List<String> paths = new java.util.ArrayList<>(PAGES);
    // every plan's dashboard over a province with cases: each status of each indicator shows
    for (String plan : admin().get("/api/v1/plans").json().findValuesAsText("id")) {
      paths.add("/statistics?plan=" + plan + "&area=06");
    }
    // and a case's page, with every form of the procedure
    var caseId =
        java.util.regex.Pattern.compile("data-case=\"([0-9a-f-]{36})\"")
            .matcher(page.get("/cases").body());
    if (caseId.find()) {
      paths.add("/cases/" + caseId.group(1));
    }
    for (String language : List.of("vi", "en")) {
      page.post("/language", "lang=" + language + "&back=/");
      for (String path : paths) {
        var answer = page.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        assertThat(answer.body()).as(language + " " + path).doesNotContain("??");
        // no field rendered twice (a fragment named like an element did that: issue 19)
        List<String> ids = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(answer.body());
        while (m.find()) {
          ids.add(m.group(1));
        }
        assertThat(ids).as("element ids of " + path).doesNotHaveDuplicates();
      }
    }
  }
}
