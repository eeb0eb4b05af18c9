package vn.cpms.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The application's HTTP API as the benchmark's clients call it (M1h, M5, M6h): requests as the
 * administrator or with given credentials, on the port of the application currently running.
 */
final class HttpApi {
  private final Harness harness;

  HttpApi(Harness harness) {
    this.harness = harness;
  }

  HttpResponse<String> http(String method, String path, String body, String position)
      throws Exception {
    HttpResponse<String> response =
        send(basic("admin", Harness.ADMIN_PASSWORD), method, path, body, position);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  /** The {@code Authorization} header of HTTP Basic for a user. */
  static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A request with these credentials; its answer, whatever its status. */
  HttpResponse<String> httpAs(String credentials, String method, String path, String body)
      throws Exception {
    return send(credentials, method, path, body, null);
  }

  private HttpResponse<String> send(
      String credentials, String method, String path, String body, String position)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + harness.httpPort + path))
            .header("Authorization", credentials)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (position != null) {
      request.header("Consistency-Position", position);
    }
    return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  String get(String path) throws Exception {
    HttpResponse<String> response = http("GET", path, null, null);
    expect200(response);
    return response.body();
  }

  static void expect200(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  static void expect201(HttpResponse<String> response) {
    if (response.statusCode() != 201) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  /** The body of a report of a case over HTTP, in the benchmark's commune (M1h, M6h). */
  static String reportBody() {
    return """
        {"reportedAt":"%s","channel":"PHONE","areaCode":"95003",
         "child":{"fullName":"Benchmark Child","ageYears":9,"sex":"FEMALE","ethnicity":"01",
                  "disability":false},
         "suspectedForms":["VIOLENCE"],"seriousDanger":false,"description":"Synthetic"}
        """
        .formatted(java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).minusHours(1));
  }

  private HttpClient http;

  synchronized HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }
    return http;
  }
}
