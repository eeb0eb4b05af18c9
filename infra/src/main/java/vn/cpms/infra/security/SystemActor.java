package vn.cpms.infra.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work the application does on its own, not for a signed-in user: loading the demo data, a test
 * sending commands without HTTP. Its messages are stamped {@code actor=system} and are not limited
 * to any area; any other message without a caller is refused ({@link CallerStamp}).
 */
public final class SystemActor {
  public static final String NAME = "system";

  private SystemActor() {}

  /** The authentication the system acts under. */
  static final class Authentication extends AbstractAuthenticationToken {
    Authentication() {
      super(List.of());
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return null;
    }

    @Override
    public Object getPrincipal() {
      return NAME;
    }
  }

  /** Runs {@code work} as the system, then restores the caller's context. */
  public static <T> T run(Supplier<T> work) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext system = SecurityContextHolder.createEmptyContext();
    system.setAuthentication(new Authentication());
    SecurityContextHolder.setContext(system);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  /** Runs {@code work} as the system. */
  public static void run(Runnable work) {
    run(
        () -> {
          work.run();
          return null;
        });
  }

  static boolean isSystem(org.springframework.security.core.Authentication auth) {
    return auth instanceof Authentication;
  }
}
