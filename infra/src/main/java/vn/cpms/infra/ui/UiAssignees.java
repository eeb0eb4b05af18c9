package vn.cpms.infra.ui;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.security.Role;
import vn.cpms.infra.security.UserAccount;
import vn.cpms.infra.security.UserStore;
import vn.cpms.kernel.area.AreaCode;

/**
 * Who a case can be assigned to, for a picker instead of a free-text field (issue 19): the enabled
 * workers and supervisors whose areas cover the case's commune.
 */
@Component
public class UiAssignees {
  private final UserStore users;
  private final CallerScope scope;

  public UiAssignees(UserStore users, CallerScope scope) {
    this.users = users;
    this.scope = scope;
  }

  /** A person to pick: username and display name. */
  public record Person(String username, String displayName) {}

  public List<Person> of(AreaCode commune) {
    Map<Set<AreaCode>, Boolean> covers = new HashMap<>();
    return users.all().stream()
        .filter(UserAccount::enabled)
        .filter(u -> u.roles().contains(Role.CASE_WORKER) || u.roles().contains(Role.SUPERVISOR))
        .filter(
            u ->
                !u.areaCodes().isEmpty()
                    && covers.computeIfAbsent(
                        u.areaCodes(), areas -> scope.expand(areas).contains(commune)))
        .map(u -> new Person(u.username(), u.displayName()))
        .sorted(Comparator.comparing(Person::displayName).thenComparing(Person::username))
        .toList();
  }

  /** The workers of the signed-in user's areas (a supervisor's), to move cases between them. */
  public List<Person> workersOfMyAreas() {
    return users.all().stream()
        .filter(UserAccount::enabled)
        .filter(u -> u.roles().contains(Role.CASE_WORKER))
        .filter(u -> u.areaCodes().stream().anyMatch(scope::allows))
        .map(u -> new Person(u.username(), u.displayName()))
        .sorted(Comparator.comparing(Person::displayName).thenComparing(Person::username))
        .toList();
  }
}
