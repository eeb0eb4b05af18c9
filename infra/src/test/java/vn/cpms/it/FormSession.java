package vn.cpms.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A web-interface session without a browser: the login form with its CSRF token and the session
 * cookie, then pages and form posts carrying the session's CSRF token. Redirects are not followed,
 * so a post that saves answers its 302.
 */
final class FormSession {
  static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private String csrf;

  FormSession(int port) {
    this.port = port;
  }

  /** A visitor who has opened the login form (and so holds a CSRF token), not signed in. */
  FormSession visitor() {
    csrf = token(get("/login").body(), CSRF_INPUT);
    return this;
  }

  /** Signs in through the login form; {@code false} when the form refused. */
  boolean signIn(String username, String password) {
    csrf = token(get("/login").body(), CSRF_INPUT);
    HttpResponse<String> answer =
        post("/login", "username=" + enc(username) + "&password=" + enc(password));
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() != 302 || location.contains("error")) {
      return false;
    }
    // the token changes with the session at sign-in: read the new one from the home page
    HttpResponse<String> home = get("/");
    String next = home.headers().firstValue("Location").orElse("/");
    csrf = token(get(URI.create(next).getPath()).body(), CSRF_META);
    return true;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  /** A form post with the session's CSRF token added. */
  HttpResponse<String> post(String path, String form) {
    String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + enc(csrf == null ? "" : csrf);
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String token(String html, Pattern pattern) {
    Matcher m = pattern.matcher(html);
    return m.find() ? m.group(1) : null;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
