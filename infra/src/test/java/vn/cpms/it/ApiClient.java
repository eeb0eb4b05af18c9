package vn.cpms.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the API, as an outside system would call it. */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;
  private final String language;
  private final java.util.Map<String, String> headers;

  public ApiClient(int port, String user, String password) {
    this("http://localhost:" + port, basic(user, password), null);
  }

  /** A client of the server at {@code base} (e.g. {@code http://[::1]:port}: another source). */
  public static ApiClient at(String base, String user, String password) {
    return new ApiClient(base, basic(user, password), null);
  }

  private ApiClient(String base, String authorization, String language) {
    this(base, authorization, language, java.util.Map.of());
  }

  private ApiClient(
      String base, String authorization, String language, java.util.Map<String, String> headers) {
    this.base = base;
    this.authorization = authorization;
    this.language = language;
    this.headers = headers;
  }

  /** The same client, sending one more header (e.g. {@code If-Match}). */
  public ApiClient withHeader(String name, String value) {
    java.util.Map<String, String> more = new java.util.HashMap<>(headers);
    more.put(name, value);
    return new ApiClient(base, authorization, language, more);
  }

  private static String basic(String user, String password) {
    if (user == null) {
      return null;
    }
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The same client, asking for answers in {@code language} ({@code Accept-Language}). */
  public ApiClient inLanguage(String language) {
    return new ApiClient(base, authorization, language, headers);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response put(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response post(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Any method with any {@code Content-Type} ({@code null}: none) and body ({@code null}: none), as
   * a cross-site form or a careless client would send it.
   */
  public Response send(String method, String path, String contentType, String body) {
    HttpRequest.Builder builder = request(path);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(
        builder.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (language != null) {
      builder.header("Accept-Language", language);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with its JSON body parsed. */
  public record Response(HttpResponse<String> raw) {
    public int status() {
      return raw.statusCode();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + raw.body(), e);
      }
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}
