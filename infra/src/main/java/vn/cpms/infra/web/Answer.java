package vn.cpms.infra.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/**
 * What an application service answers, for the API and the pages alike: the body, the resource's
 * version (the {@code ETag}, if it has one) and, for a resource just created, where it lives. Only
 * the REST controllers turn it into HTTP ({@link #response()}); a page reads {@link #body()}.
 */
public record Answer<T>(T body, Long version, String createdAt) {
  public static <T> Answer<T> of(T body, Long version) {
    return new Answer<>(body, version, null);
  }

  public static <T> Answer<T> of(T body) {
    return new Answer<>(body, null, null);
  }

  /** A resource created now at {@code location}, or found again ({@code created} false). */
  public static <T> Answer<T> created(T body, Long version, boolean created, String location) {
    return new Answer<>(body, version, created ? location : null);
  }

  /** {@code 201} with {@code Location} for a creation, else {@code 200}; the {@code ETag}. */
  public ResponseEntity<T> response() {
    ResponseEntity.BodyBuilder answer =
        createdAt == null ? ResponseEntity.ok() : ResponseEntity.created(URI.create(createdAt));
    if (version != null) {
      answer.eTag(IfMatch.etag(version));
    }
    return answer.body(body);
  }
}
