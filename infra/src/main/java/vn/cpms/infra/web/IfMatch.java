package vn.cpms.infra.web;

/** Reads {@code If-Match: "3"}, {@code W/"3"} or {@code 3}; absent or {@code *} means no check. */
public final class IfMatch {
  private IfMatch() {}

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
}
