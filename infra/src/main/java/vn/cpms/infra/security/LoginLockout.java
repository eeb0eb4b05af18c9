package vn.cpms.infra.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Locks an account for a while after repeated wrong passwords, so that a password cannot be guessed
 * through the API or the login form. The count is kept in {@code app_user} (it survives restarts
 * and is shared by every instance); a successful login resets it. While locked, even the right
 * password is refused; the answer is the same 401 as for a wrong password.
 */
class LoginLockout implements AuthenticationProvider {
  private final AuthenticationProvider delegate;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;
  private final int maxFailures;
  private final Duration lockDuration;

  LoginLockout(
      AuthenticationProvider delegate,
      NamedParameterJdbcTemplate jdbc,
      Clock clock,
      int maxFailures,
      Duration lockDuration) {
    this.delegate = delegate;
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.lockDuration = lockDuration;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    Instant now = clock.instant();
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select failed_logins, locked_until from app_user where username = :u",
            Map.of("u", username));
    if (!rows.isEmpty()) {
      Timestamp lockedUntil = (Timestamp) rows.get(0).get("locked_until");
      if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
        throw new LockedException("locked");
      }
    }
    Authentication result;
    try {
      result = delegate.authenticate(authentication);
    } catch (BadCredentialsException e) {
      failed(username, now);
      throw e;
    }
    if (!rows.isEmpty() && ((Number) rows.get(0).get("failed_logins")).intValue() > 0) {
      jdbc.update(
          "update app_user set failed_logins = 0, locked_until = null where username = :u",
          Map.of("u", username));
    }
    return result;
  }

  private void failed(String username, Instant now) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("u", username)
            .addValue("max", maxFailures)
            .addValue("until", Timestamp.from(now.plus(lockDuration)));
    jdbc.update(
        "update app_user set"
            + " locked_until = case when failed_logins + 1 >= :max then :until else locked_until"
            + " end,"
            + " failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1"
            + " end"
            + " where username = :u",
        params);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }
}
