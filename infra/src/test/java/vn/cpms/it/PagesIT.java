package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: no page shows a message key for want of its text (Thymeleaf's {@code ??key_vi??}, as
 * the dashboard did for an indicator without a target), in Vietnamese or in English.
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
    for (String language : List.of("vi", "en")) {
      page.post("/language", "lang=" + language + "&back=/");
      for (String path : paths) {
        var answer = page.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        assertThat(answer.body()).as(language + " " + path).doesNotContain("??");
      }
    }
  }
}
