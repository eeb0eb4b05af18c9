package vn.cpms.infra.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in user: Spring's user plus the account (roles and areas) and the stamp the account
 * had when it was read: a session or a cached credential of an older stamp is no longer valid.
 */
public class CpmsUser extends User {
  private final UserAccount account;
  private final long stamp;

  public CpmsUser(
      UserAccount account,
      String passwordHash,
      long stamp,
      Collection<? extends GrantedAuthority> authorities) {
    // a disabled account is refused after its password is checked, like a wrong password (the
    // same answer in the same time): see SecurityConfiguration
    super(account.username(), passwordHash, true, true, true, true, authorities);
    this.account = account;
    this.stamp = stamp;
  }

  public UserAccount account() {
    return account;
  }

  public long stamp() {
    return stamp;
  }
}
