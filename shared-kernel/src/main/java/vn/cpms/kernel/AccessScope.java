package vn.cpms.kernel;

import java.util.Collection;
import java.util.Map;
import vn.cpms.kernel.area.AreaCode;

/**
 * The areas a command's sender may act in travel as command metadata ({@value #METADATA_KEY}: the
 * list of covered area codes). Without it the sender is unrestricted (an admin, or the system).
 * Aggregates check their own area against it, so a resource outside the sender's areas answers as
 * unknown (404), whatever the read models say.
 */
public final class AccessScope {
  public static final String METADATA_KEY = "areas";

  private AccessScope() {}

  public static boolean allows(Map<String, ?> metadata, AreaCode area) {
    Object scope = metadata.get(METADATA_KEY);
    if (scope == null || area == null) {
      return true;
    }
    return scope instanceof Collection<?> codes && codes.contains(area.value());
  }
}
