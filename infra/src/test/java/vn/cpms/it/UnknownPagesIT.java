package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Issue 19: an unknown address answers a page in Vietnamese in the browser, JSON to the API. */
class UnknownPagesIT extends ApplicationIT {
  @Test
  void an_unknown_address_is_a_vietnamese_page_in_the_browser_and_a_problem_for_the_api()
      throws Exception {
    FormSession browser = new FormSession(port);
    assertThat(browser.signIn("worker.a", "worker.a-password")).isTrue();
    HttpResponse<String> page = browser.get("/khong-co-trang-nay");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("problem-title").contains("<nav").doesNotContain("\"status\"");

    // a form's address opened as a page, a request without what the page needs: a page that
    // says so in Vietnamese, never raw JSON or a stack of English
    HttpResponse<String> method = browser.get("/language");
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(method.body()).contains("problem-title").contains("Không mở được trang này");
    FormSession statistician = new FormSession(port);
    admin()
        .put(
            "/api/v1/users/pages.statistician",
            "{\"displayName\":\"S\",\"roles\":[\"STATISTICIAN\"],\"areaCodes\":[\"06\"],"
                + "\"password\":\"pages-password\"}");
    assertThat(statistician.signIn("pages.statistician", "pages-password")).isTrue();
    HttpResponse<String> incomplete = statistician.get("/statistics/data/template");
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(incomplete.body()).contains("Yêu cầu thiếu hoặc sai thông tin");

    ApiClient.Response api = admin().get("/api/v1/khong-co");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.header("Content-Type")).contains("application/problem+json");

    HttpResponse<String> json =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/none"))
                    .header("Accept", "text/html")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(json.statusCode()).isIn(401, 404);
  }
}
