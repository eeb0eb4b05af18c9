package vn.cpms.infra.security;

import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/** A user: display name, roles, and the areas they work in (a province covers all below it). */
public record UserAccount(
    String username,
    String displayName,
    Set<Role> roles,
    Set<AreaCode> areaCodes,
    boolean enabled) {
  public UserAccount {
    roles = Set.copyOf(roles);
    areaCodes = Set.copyOf(areaCodes);
  }
}
