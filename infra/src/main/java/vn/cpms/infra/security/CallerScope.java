package vn.cpms.infra.security;

import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaSet;
import vn.cpms.kernel.area.ExpandAreasQuery;

/**
 * The areas the signed-in user may act in: their area codes and everything below them (and the
 * predecessors merged into them). An admin with areas is held to them like anyone else (issue 16);
 * only a national admin (ADMIN without areas) or work done by the system itself is unrestricted.
 */
@Component
public class CallerScope {
  private final QueryGateway queries;

  public CallerScope(QueryGateway queries) {
    this.queries = queries;
  }

  /**
   * Empty when unrestricted. Expanded once per request (issue 21: a report asked three times): the
   * expansion is kept in the request for the user it was made for.
   */
  public Optional<AreaSet> areas() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof CpmsUser user)) {
      return Optional.empty();
    }
    if (isNationalAdmin(user.account())) {
      return Optional.empty();
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    String key = AREAS + user.account().username();
    if (request != null
        && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof AreaSet known) {
      return Optional.of(known);
    }
    AreaSet areas = expand(user.account().areaCodes());
    if (request != null) {
      request.setAttribute(key, areas, RequestAttributes.SCOPE_REQUEST);
    }
    return Optional.of(areas);
  }

  private static final String AREAS = CallerScope.class.getName() + ".areas.";

  /** An ADMIN without areas: the one role that spans provinces (docs/security.md). */
  public static boolean isNationalAdmin(UserAccount account) {
    return account.roles().contains(Role.ADMIN) && account.areaCodes().isEmpty();
  }

  /** Whether the signed-in user is a national admin. */
  public static boolean callerIsNationalAdmin(Authentication auth) {
    return auth != null
        && auth.getPrincipal() instanceof CpmsUser user
        && isNationalAdmin(user.account());
  }

  public AreaSet expand(java.util.Set<AreaCode> codes) {
    return queries
        .query(new ExpandAreasQuery(codes), ResponseTypes.instanceOf(AreaSet.class))
        .join();
  }

  public boolean allows(AreaCode area) {
    return areas().map(set -> set.contains(area)).orElse(true);
  }

  /**
   * The areas a list may show: the requested ones with everything below them, cut to the user's
   * areas; {@code null} (everything) only for an unrestricted user who asked for no area.
   */
  public java.util.Set<AreaCode> within(java.util.Set<AreaCode> requested) {
    Optional<AreaSet> allowed = areas();
    if (requested == null) {
      return allowed.map(AreaSet::codes).orElse(null);
    }
    java.util.Set<AreaCode> expanded = new java.util.HashSet<>(expand(requested).codes());
    allowed.ifPresent(a -> expanded.retainAll(a.codes()));
    return expanded;
  }

  /** A 422 on {@code field} when the user may not act in {@code area}. */
  public void requireWithin(Violations violations, String field, AreaCode area) {
    if (area != null && !allows(area)) {
      violations.add(field, "area-not-allowed");
    }
  }

  /**
   * Whether small counts are hidden from the signed-in user: a statistician without a supervisor or
   * admin role (STATISTICS.md, suppression).
   */
  public boolean hidesSmallCounts() {
    return roles()
        .map(
            roles ->
                roles.contains("ROLE_STATISTICIAN")
                    && !roles.contains("ROLE_ADMIN")
                    && !roles.contains("ROLE_SUPERVISOR"))
        .orElse(false);
  }

  /**
   * Hotline operators (the 111 line takes calls from the whole country) and admins read every
   * contact; anyone else (a supervisor) only the contacts about their areas, never those not yet
   * given an area.
   */
  public boolean readsEveryContact() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return roles()
        .map(roles -> roles.contains("ROLE_HOTLINE_OPERATOR") || callerIsNationalAdmin(auth))
        .orElse(true);
  }

  /** The signed-in caller's authorities; empty outside a request (the application itself). */
  private static Optional<java.util.Set<String>> roles() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return Optional.ofNullable(auth)
        .map(
            a ->
                a.getAuthorities().stream()
                    .map(org.springframework.security.core.GrantedAuthority::getAuthority)
                    .collect(java.util.stream.Collectors.toSet()));
  }

  /** A 403 when the user may not read figures of {@code area}. */
  public void requireReadable(AreaCode area) {
    if (area != null && !allows(area)) {
      throw new org.springframework.security.access.AccessDeniedException(
          "area outside the caller's areas");
    }
  }
}
