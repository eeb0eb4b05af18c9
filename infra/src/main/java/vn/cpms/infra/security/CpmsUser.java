package vn.cpms.infra.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in user: Spring's user plus the account (roles and areas). */
public class CpmsUser extends User {
  private final UserAccount account;

  public CpmsUser(
      UserAccount account,
      String passwordHash,
      Collection<? extends GrantedAuthority> authorities) {
    super(account.username(), passwordHash, account.enabled(), true, true, true, authorities);
    this.account = account;
  }

  public UserAccount account() {
    return account;
  }
}
