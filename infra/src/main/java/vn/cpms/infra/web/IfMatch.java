package vn.cpms.infra.web;

/**
 * Versions on the wire: reads {@code If-Match: "3"}, {@code W/"3"} or {@code 3} (absent or {@code
 * *} means no check) and writes the {@code ETag} of a version.
 */
public final class IfMatch {
  private IfMatch() {}

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  public static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String value = ifMatch.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new MalformedRequestException("If-Match");
    }
  }

  /** {@code 200} with the resource's new version in the body and the {@code ETag}. */
  public static org.springframework.http.ResponseEntity<CommandSender.Updated> ok(
      CommandSender.Updated updated) {
    return org.springframework.http.ResponseEntity.ok().eTag(etag(updated.version())).body(updated);
  }
}
