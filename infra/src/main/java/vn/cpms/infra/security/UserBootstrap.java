package vn.cpms.infra.security;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import vn.cpms.kernel.area.AreaCode;

/**
 * The users that exist before anyone can create one. The demo profile creates one user per role on
 * the synthetic province (passwords = usernames, demo only) and {@code admin}/{@code admin}; every
 * other profile creates only {@code admin}, with the password of {@code CPMS_ADMIN_PASSWORD} (set
 * again at each start, so the variable stays the source of truth).
 */
@Component
public class UserBootstrap implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

  /** The demo's synthetic province and two of its communes (see DemoData). */
  static final AreaCode DEMO_PROVINCE = AreaCode.of("99");

  private final UserStore users;
  private final Environment environment;
  private final String adminPassword;
  private final vn.cpms.infra.audit.AuditTrail audit;

  public UserBootstrap(
      UserStore users,
      Environment environment,
      @Value("${cpms.security.admin-password:}") String adminPassword,
      vn.cpms.infra.audit.AuditTrail audit) {
    this.audit = audit;
    this.users = users;
    this.environment = environment;
    this.adminPassword = adminPassword;
  }

  @Override
  public void afterPropertiesSet() {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      for (UserAccount account : demoUsers()) {
        if (users.find(account.username()).isEmpty()) {
          users.save(account, account.username());
        }
      }
      log.info(
          "Demo users ready (password = username): {}",
          demoUsers().stream().map(UserAccount::username).toList());
    } else if (!adminPassword.isBlank()) {
      // the variable stays the source of the password only: an admin disabled, or given other
      // areas, after a compromise stays so across restarts (issue 16)
      if (!users.setPassword("admin", adminPassword)) {
        users.save(admin(), adminPassword);
      }
      audit.recordAccount(
          "admin", "USER_CHANGE", 200, null, "password set from CPMS_ADMIN_PASSWORD at start");
    } else if (users.find("admin").isEmpty()) {
      log.warn("No admin user: set CPMS_ADMIN_PASSWORD to create one");
    }
  }

  static UserAccount admin() {
    return new UserAccount("admin", "Quản trị viên", Set.of(Role.ADMIN), Set.of(), true);
  }

  static List<UserAccount> demoUsers() {
    return List.of(
        admin(),
        new UserAccount(
            "operator",
            "Tổng đài viên (demo)",
            Set.of(Role.HOTLINE_OPERATOR),
            Set.of(DEMO_PROVINCE),
            true),
        new UserAccount(
            "worker",
            "Cán bộ xã (demo)",
            Set.of(Role.CASE_WORKER),
            Set.of(AreaCode.of("99001"), AreaCode.of("99002")),
            true),
        new UserAccount(
            "supervisor",
            "Cán bộ tỉnh (demo)",
            Set.of(Role.SUPERVISOR),
            Set.of(DEMO_PROVINCE),
            true),
        new UserAccount(
            "statistician",
            "Thống kê viên (demo)",
            Set.of(Role.STATISTICIAN),
            Set.of(DEMO_PROVINCE),
            true));
  }
}
