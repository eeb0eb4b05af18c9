package vn.cpms.infra.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.cpms.infra.audit.AuditTrail;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaSet;

/**
 * Users managed by admins by area (issue 16), for the API and the pages alike: an admin with areas
 * manages only users whose areas all lie inside theirs, and gives no area outside them; only a
 * national admin (an ADMIN without areas) manages national admins or makes one. Every change is
 * audited in its own transaction, with what changed (never the password), and moves the user's
 * stamp, so that it takes effect at their next request and ends their web sessions.
 */
@Service
public class UserAdministration {
  /** Passwords: at least 12 characters; bcrypt reads at most 72 bytes. */
  public static final int MIN_PASSWORD = 12;

  public static final int MAX_PASSWORD_BYTES = 72;

  private final UserStore users;
  private final CallerScope scope;
  private final AuditTrail audit;

  public UserAdministration(UserStore users, CallerScope scope, AuditTrail audit) {
    this.users = users;
    this.scope = scope;
    this.audit = audit;
  }

  /** Whether the user was created. */
  @Transactional
  public boolean save(UserAccount account, String password, Violations v) {
    Optional<UserStore.Stored> existing = users.find(account.username());
    if (existing.isPresent() && !manages(existing.get().account())) {
      throw new AccessDeniedException("user outside the caller's areas");
    }
    if (account.username().equals(caller())
        && existing.isPresent()
        && !sameAccess(existing.get().account(), account)) {
      v.add("username", "own-account"); // no one widens, narrows or disables their own account
    }
    Optional<AreaSet> own = scope.areas();
    if (own.isPresent()) {
      if (account.areaCodes().isEmpty()) {
        v.add("areaCodes", "area-not-allowed"); // a national account is a national admin's
      }
      account.areaCodes().forEach(area -> scope.requireWithin(v, "areaCodes", area));
      if (account.roles().contains(Role.HOTLINE_OPERATOR)) {
        v.add("roles", "role-not-allowed"); // the 111 line reads every province's calls
      }
    }
    if (password == null ? existing.isEmpty() : password.length() < MIN_PASSWORD) {
      v.add("password", "password-too-short", MIN_PASSWORD);
    } else if (password != null
        && password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      v.add("password", "password-too-long", MAX_PASSWORD_BYTES);
    }
    v.throwIfAny();
    boolean created = users.save(account, password);
    recordChange(account, existing.map(UserStore.Stored::account).orElse(null), password != null);
    return created;
  }

  /** The users the caller manages. */
  public List<UserAccount> list() {
    return users.all().stream().filter(this::manages).toList();
  }

  /**
   * Whether the signed-in admin manages {@code account}: a national admin every account; an admin
   * with areas the accounts without ADMIN or HOTLINE_OPERATOR (no equal, no national reach) whose
   * areas all lie inside theirs, and their own (for its password).
   */
  boolean manages(UserAccount account) {
    Optional<AreaSet> own = scope.areas();
    if (own.isEmpty()) {
      return true;
    }
    if (account.username().equals(caller())) {
      return true;
    }
    return !account.areaCodes().isEmpty()
        && !account.roles().contains(Role.ADMIN)
        && !account.roles().contains(Role.HOTLINE_OPERATOR)
        && account.areaCodes().stream().allMatch(a -> own.get().contains(a));
  }

  private static boolean sameAccess(UserAccount before, UserAccount after) {
    return before.roles().equals(after.roles())
        && before.areaCodes().equals(after.areaCodes())
        && before.enabled() == after.enabled();
  }

  private void recordChange(UserAccount now, UserAccount before, boolean passwordSet) {
    String detail =
        access(now)
            + (before == null ? " (created)" : " (was " + access(before) + ")")
            + (passwordSet ? " password set" : "");
    String remote = null; // the request's address, when there is one
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
      remote = current.getRequest().getRemoteAddr();
    }
    vn.cpms.infra.audit.AuditedCommands.committed(); // the request needs no row of its own
    audit.record(
        caller(),
        "PUT",
        "/api/v1/users/" + now.username(),
        new AuditTrail.Target("USER_CHANGE", "users", now.username()),
        200,
        remote,
        detail);
  }

  /** What a user may do, as the audit keeps it: roles, areas, enabled; never the password. */
  private static String access(UserAccount account) {
    return "roles=%s areas=%s enabled=%s"
        .formatted(
            names(account.roles().stream().map(Enum::name).collect(Collectors.toSet())),
            names(account.areaCodes().stream().map(AreaCode::value).collect(Collectors.toSet())),
            account.enabled());
  }

  private static String names(Set<String> values) {
    return values.stream().sorted().collect(Collectors.joining(",", "[", "]"));
  }

  private static String caller() {
    return SecurityContextHolder.getContext().getAuthentication().getName();
  }
}
