package vn.cpms.infra.web.admin;

import static vn.cpms.infra.web.RequestValidation.codes;
import static vn.cpms.infra.web.RequestValidation.maxLength;
import static vn.cpms.infra.web.RequestValidation.required;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.cpms.infra.security.Role;
import vn.cpms.infra.security.UserAccount;
import vn.cpms.infra.security.UserAdministration;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.Reference;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;

/**
 * Users (ADMIN): roles and areas, for the API and the admin pages alike. Passwords are stored as
 * bcrypt hashes and never shown.
 */
@org.springframework.stereotype.Service
public class UserService {
  private final UserAdministration users;
  private final vn.cpms.infra.web.KnownAreas known;

  private final vn.cpms.infra.web.referrals.ProviderService providers;

  public UserService(
      UserAdministration users,
      vn.cpms.infra.web.KnownAreas known,
      vn.cpms.infra.web.referrals.ProviderService providers) {
    this.users = users;
    this.known = known;
    this.providers = providers;
  }

  /**
   * {@code {displayName, roles, areaCodes, password, enabled}}; the password is optional on update,
   * {@code enabled} defaults to {@code true} ({@code false} disables the user at their next
   * request).
   */
  public record UserRequest(
      @NotBlank @Size(max = 200) @FreeText String displayName,
      @NotEmpty @Size(max = 5)
          List<@NotBlank @Size(max = 20) @Code(value = Role.class, list = "role") String> roles,
      @OptionalMember @Size(max = 100)
          List<@NotBlank @Size(max = 5) @Reference("area") String> areaCodes,
      @OptionalMember @Size(max = 200) @FreeText String password,
      @OptionalMember Boolean enabled,
      @OptionalMember java.util.UUID providerId) {
    /** The request of API.md's users (without a provider). */
    public UserRequest(
        String displayName,
        List<String> roles,
        List<String> areaCodes,
        String password,
        Boolean enabled) {
      this(displayName, roles, areaCodes, password, enabled, null);
    }
  }

  /** A user without secrets. */
  public record UserResource(
      String username,
      String displayName,
      List<String> roles,
      List<String> areaCodes,
      boolean enabled,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          java.util.UUID providerId) {
    static UserResource of(UserAccount a) {
      return new UserResource(
          a.username(),
          a.displayName(),
          a.roles().stream().map(Enum::name).sorted().toList(),
          a.areaCodes().stream().map(AreaCode::value).sorted().toList(),
          a.enabled(),
          a.providerId());
    }
  }

  /** Creates or updates {@code username}; whether it was created. */
  public Saved save(String username, UserRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    if (!username.matches("[a-z0-9._-]{3,100}")) {
      v.add("username", "invalid-username");
    }
    required(v, "displayName", body.displayName());
    maxLength(v, "displayName", body.displayName(), 200);
    if (body.roles() == null || body.roles().isEmpty()) {
      v.add("roles", "required");
    }
    Set<Role> roles = new HashSet<>(codes(v, "roles", body.roles(), Role.class, "role"));
    Set<AreaCode> areas = new HashSet<>();
    if (body.areaCodes() != null) {
      for (int i = 0; i < body.areaCodes().size(); i++) {
        AreaCode area = CaseRequests.area(v, "areaCodes[" + i + "]", body.areaCodes().get(i));
        known.check(v, "areaCodes[" + i + "]", area, null); // an area of the registry (issue 15)
        if (area != null) {
          areas.add(area);
        }
      }
    }
    boolean provider = roles.contains(Role.PROVIDER);
    if (areas.isEmpty() && !roles.contains(Role.ADMIN) && !provider) {
      v.add("areaCodes", "required");
    }
    // a provider's user answers for one provider of the directory, and is nothing else (issue 20)
    if (provider && body.providerId() == null) {
      v.add("providerId", "provider-required");
    } else if (provider && !providers.exists(body.providerId())) {
      v.add("providerId", "unknown-provider");
    }
    if (provider && roles.size() > 1) {
      v.add("roles", "provider-alone");
    }
    v.throwIfAny();
    UserAccount account =
        new UserAccount(
            username,
            body.displayName().strip(),
            roles,
            areas,
            body.enabled() == null || body.enabled(),
            provider ? body.providerId() : null);
    boolean created = users.save(account, body.password(), v);
    return new Saved(UserResource.of(account), created);
  }

  /** A saved user and whether it is new. */
  public record Saved(UserResource user, boolean created) {}

  public List<UserResource> list() {
    return users.list().stream().map(UserResource::of).toList();
  }
}
