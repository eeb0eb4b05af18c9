package vn.cpms.infra.web.admin;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.web.admin.UserService.UserRequest;
import vn.cpms.infra.web.admin.UserService.UserResource;

/** Users (ADMIN): roles and areas. Passwords are stored as bcrypt hashes and never shown. */
@RestController
@RequestMapping("/api/v1/users")
public class UserController {
  private final UserService users;

  public UserController(UserService users) {
    this.users = users;
  }

  /**
   * {@code {displayName, roles, areaCodes, password, enabled}}; the password is optional on update,
   * {@code enabled} defaults to {@code true} ({@code false} disables the user at their next
   * request).
   */
  @PutMapping("/{username}")
  public ResponseEntity<UserResource> put(
      @PathVariable String username, @RequestBody UserRequest body) {
    UserService.Saved saved = users.save(username, body);
    return saved.created()
        ? ResponseEntity.created(URI.create("/api/v1/users/" + username)).body(saved.user())
        : ResponseEntity.ok(saved.user());
  }

  @GetMapping
  public List<UserResource> list() {
    return users.list();
  }
}
