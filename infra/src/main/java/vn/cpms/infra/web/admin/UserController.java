package vn.cpms.infra.web.admin;

import static vn.cpms.infra.web.RequestValidation.codes;
import static vn.cpms.infra.web.RequestValidation.maxLength;
import static vn.cpms.infra.web.RequestValidation.required;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
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

/** Users (ADMIN): roles and areas. Passwords are stored as bcrypt hashes and never shown. */
@RestController
@RequestMapping("/api/v1/users")
public class UserController {
  private final UserAdministration users;

  private final vn.cpms.infra.web.KnownAreas known;

  public UserController(UserAdministration users, vn.cpms.infra.web.KnownAreas known) {
    this.users = users;
    this.known = known;
  }

  /**
   * {@code {displayName, roles, areaCodes, password, enabled}}; the password is optional on update,
   * {@code enabled} defaults to {@code true} ({@code false} disables the user at their next
   * request).
   */
  record UserRequest(
      @NotBlank @Size(max = 200) @FreeText String displayName,
      @NotEmpty @Size(max = 5)
          List<@NotBlank @Size(max = 20) @Code(value = Role.class, list = "role") String> roles,
      @OptionalMember @Size(max = 100)
          List<@NotBlank @Size(max = 5) @Reference("area") String> areaCodes,
      @OptionalMember @Size(max = 200) @FreeText String password,
      @OptionalMember Boolean enabled) {}

  /** A user without secrets. */
  record UserResource(
      String username,
      String displayName,
      List<String> roles,
      List<String> areaCodes,
      boolean enabled) {
    static UserResource of(UserAccount a) {
      return new UserResource(
          a.username(),
          a.displayName(),
          a.roles().stream().map(Enum::name).sorted().toList(),
          a.areaCodes().stream().map(AreaCode::value).sorted().toList(),
          a.enabled());
    }
  }

  @PutMapping("/{username}")
  public ResponseEntity<UserResource> put(
      @PathVariable String username, @RequestBody UserRequest body) {
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
    if (areas.isEmpty() && !roles.contains(Role.ADMIN)) {
      v.add("areaCodes", "required");
    }
    v.throwIfAny();
    UserAccount account =
        new UserAccount(
            username,
            body.displayName().strip(),
            roles,
            areas,
            body.enabled() == null || body.enabled());
    boolean created = users.save(account, body.password(), v);
    UserResource resource = UserResource.of(account);
    return created
        ? ResponseEntity.created(URI.create("/api/v1/users/" + username)).body(resource)
        : ResponseEntity.ok(resource);
  }

  @GetMapping
  public List<UserResource> list() {
    return users.list().stream().map(UserResource::of).toList();
  }
}
