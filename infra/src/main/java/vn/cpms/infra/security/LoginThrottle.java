package vn.cpms.infra.security;

import java.nio.charset.StandardCharsets;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import vn.cpms.infra.audit.AuditTrail;

/**
 * Wrong passwords, counted per account <em>and source address</em> in {@code login_throttle}
 * (shared by every node, kept across restarts), so that a password cannot be guessed and an
 * attacker cannot lock anyone else out: after {@code maxFailures} attempts from one address within
 * {@code lockDuration}, that address is refused for the account for {@code lockDuration}; the
 * account stays open from every other address.
 *
 * <ul>
 *   <li>A password check in flight holds one of the limit's places until its answer is known: at
 *       most {@code maxFailures} minus the failures so far are checked at once, others wait for a
 *       place (up to 5 s). So a burst of parallel guesses gets no more checks than the limit, and a
 *       burst of right ones (a client's parallel first requests) is only queued, never locked.
 *   <li>A right password never wipes the failures around it; the count starts again once its window
 *       has passed.
 *   <li>Unknown user, disabled user, locked address and wrong password give the same {@code 401}
 *       after the same bcrypt work: nothing tells them apart.
 *   <li>Sign-ins, failed sign-ins and lock-outs are audited (never the password).
 * </ul>
 */
class LoginThrottle implements AuthenticationProvider {
  /** bcrypt reads at most 72 bytes; a longer password is wrong, never an error. */
  static final int MAX_PASSWORD_BYTES = 72;

  /** How long a check waits for a place while others are in flight. */
  static final Duration WAIT_FOR_PLACE = Duration.ofSeconds(5);

  static final Duration PLACE_POLL = Duration.ofMillis(20);

  /** A place held longer than this belongs to a node that died during the check. */
  static final Duration STALE_PLACE = Duration.ofSeconds(30);

  private final AuthenticationProvider delegate;
  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;
  private final int maxFailures;
  private final Duration lockDuration;
  private final PasswordEncoder encoder;
  private final String dummyHash;
  private final AuditTrail audit;

  LoginThrottle(
      AuthenticationProvider delegate,
      NamedParameterJdbcTemplate jdbc,
      Clock clock,
      int maxFailures,
      Duration lockDuration,
      PasswordEncoder encoder,
      AuditTrail audit) {
    this.delegate = delegate;
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.lockDuration = lockDuration;
    this.encoder = encoder;
    this.dummyHash = encoder.encode("not-a-password-of-anyone");
    this.audit = audit;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = truncate(authentication.getName(), 100);
    String source = truncate(sourceOf(authentication), 100);
    Object password = authentication.getCredentials();
    if (password != null
        && password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      return refuse(authentication, username, source, "SIGN_IN_FAILED", "password too long");
    }
    if (!reservePlace(username, source)) {
      return refuse(authentication, username, source, "SIGN_IN_REFUSED", "address locked");
    }
    Authentication result;
    try {
      result = delegate.authenticate(authentication);
    } catch (BadCredentialsException e) {
      // a wrong password or an unknown user (Spring hides which); any other failure (the
      // database gone for a moment) is not the caller's and gives its place back uncounted
      int failures = failed(username, source);
      if (failures >= maxFailures) {
        audit.recordAccount(username, "LOCKED_OUT", 401, source, "after wrong passwords");
      }
      audit.recordAccount(username, "SIGN_IN_FAILED", 401, source, null);
      throw new BadCredentialsException("bad credentials");
    } catch (RuntimeException e) {
      release(username, source);
      throw e;
    }
    release(username, source);
    audit.recordAccount(username, "SIGN_IN", 200, source, null);
    return result;
  }

  /**
   * Takes one of the limit's places for a check, waiting for one while checks in flight hold them
   * all; {@code false} when the address is locked or the failures have used the limit up.
   */
  private boolean reservePlace(String username, String source) {
    Instant deadline = clock.instant().plus(WAIT_FOR_PLACE);
    while (true) {
      Instant now = clock.instant();
      MapSqlParameterSource p = params(username, source, now);
      // the row, with a passed window (and its lock) and places held by a node that died cleared
      jdbc.update(
          "insert into login_throttle (username, source, window_start) values (:u, :s, :now)"
              + " on conflict (username, source) do update set"
              + " failures = case when login_throttle.window_start < :floor and"
              + " coalesce(login_throttle.locked_until, :now) <= :now then 0"
              + " else login_throttle.failures end,"
              + " window_start = case when login_throttle.window_start < :floor and"
              + " coalesce(login_throttle.locked_until, :now) <= :now then :now"
              + " else login_throttle.window_start end,"
              + " pending = case when login_throttle.pending_since < :stale then 0"
              + " else login_throttle.pending end",
          p);
      boolean reserved =
          jdbc.update(
                  "update login_throttle set pending = pending + 1, pending_since = :now"
                      + " where username = :u and source = :s and failures + pending < :max"
                      + " and coalesce(locked_until, :now) <= :now",
                  p)
              == 1;
      if (reserved) {
        return true;
      }
      List<Map<String, Object>> rows =
          jdbc.queryForList(
              "select failures, locked_until from login_throttle where username = :u"
                  + " and source = :s",
              p);
      if (rows.isEmpty()) {
        continue; // cleared meanwhile (a new password): take a place in a new row
      }
      Map<String, Object> row = rows.get(0);
      Timestamp lockedUntil = (Timestamp) row.get("locked_until");
      boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(now);
      if (locked || ((Number) row.get("failures")).intValue() >= maxFailures) {
        lock(username, source, now);
        return false;
      }
      if (now.isAfter(deadline)) {
        return false;
      }
      try {
        Thread.sleep(PLACE_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** A wrong password: counted, its place given back; the count after it. */
  private int failed(String username, String source) {
    Instant now = clock.instant();
    // no row: an admin's new password cleared the count meanwhile
    int count =
        jdbc
            .queryForList(
                "update login_throttle set failures = failures + 1,"
                    + " pending = greatest(pending - 1, 0) where username = :u and source = :s"
                    + " returning failures",
                params(username, source, now),
                Integer.class)
            .stream()
            .findFirst()
            .orElse(0);
    if (count >= maxFailures) {
      lock(username, source, now);
    }
    return count;
  }

  private void release(String username, String source) {
    jdbc.update(
        "update login_throttle set pending = greatest(pending - 1, 0)"
            + " where username = :u and source = :s",
        params(username, source, clock.instant()));
  }

  private MapSqlParameterSource params(String username, String source, Instant now) {
    return new MapSqlParameterSource()
        .addValue("u", username)
        .addValue("s", source)
        .addValue("now", Timestamp.from(now))
        .addValue("floor", Timestamp.from(now.minus(lockDuration)))
        .addValue("stale", Timestamp.from(now.minus(STALE_PLACE)))
        .addValue("max", maxFailures);
  }

  /** The same answer after the same work as a wrong password. */
  private Authentication refuse(
      Authentication authentication, String username, String source, String action, String detail) {
    Object password = authentication.getCredentials();
    encoder.matches(password == null ? "" : truncate(password.toString(), 72), dummyHash);
    audit.recordAccount(username, action, 401, source, detail);
    throw new BadCredentialsException("bad credentials");
  }

  private void lock(String username, String source, Instant now) {
    jdbc.update(
        "update login_throttle set locked_until = :until where username = :u and source = :s"
            + " and (locked_until is null or locked_until < :now)",
        new MapSqlParameterSource()
            .addValue("u", username)
            .addValue("s", source)
            .addValue("now", Timestamp.from(now))
            .addValue("until", Timestamp.from(now.plus(lockDuration))));
  }

  /** The address a sign-in comes from. */
  static String sourceOf(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails web
            && web.getRemoteAddress() != null
        ? web.getRemoteAddress()
        : "unknown";
  }

  private static String truncate(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }
}
