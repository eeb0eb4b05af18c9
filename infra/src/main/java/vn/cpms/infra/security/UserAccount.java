package vn.cpms.infra.security;

import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/**
 * A user: display name, roles, and the areas they work in (a province covers all below it); a
 * provider's user ({@link Role#PROVIDER}) names the provider of the service directory they answer
 * for.
 */
public record UserAccount(
    String username,
    String displayName,
    Set<Role> roles,
    Set<AreaCode> areaCodes,
    boolean enabled,
    java.util.UUID providerId) {
  public UserAccount {
    roles = Set.copyOf(roles);
    areaCodes = Set.copyOf(areaCodes);
  }

  public UserAccount(
      String username,
      String displayName,
      Set<Role> roles,
      Set<AreaCode> areaCodes,
      boolean enabled) {
    this(username, displayName, roles, areaCodes, enabled, null);
  }
}
