package vn.cpms.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic sends the password with every request, and checking a bcrypt hash costs tens of
 * milliseconds of CPU. This provider remembers, for a short time, that a username and password pair
 * was verified, keyed by an HMAC under a random key made at start-up (memory never holds a password
 * or a reusable hash). An entry is used only while {@code stillCurrent} holds for it and the new
 * attempt (the user unchanged since and the attempt's address not locked out, read from the
 * database on every request): a changed password, role or area, a disabled user takes effect at the
 * next request, on every node. A wrong password is always checked against the stored hash.
 */
class VerifiedCredentialsCache implements AuthenticationProvider {
  static final Duration TTL = Duration.ofSeconds(60);
  static final int MAX_ENTRIES = 10_000;

  private final AuthenticationProvider delegate;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Entry> verified = new ConcurrentHashMap<>();
  private final java.util.function.BiPredicate<Authentication, Authentication> stillCurrent;

  private record Entry(Authentication authentication, Instant expiresAt) {}

  VerifiedCredentialsCache(
      AuthenticationProvider delegate,
      Clock clock,
      java.util.function.BiPredicate<Authentication, Authentication> stillCurrent) {
    this.delegate = delegate;
    this.clock = clock;
    this.stillCurrent = stillCurrent;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.key = new SecretKeySpec(random, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    Object credentials = authentication.getCredentials();
    if (credentials == null) {
      return delegate.authenticate(authentication);
    }
    String id = fingerprint(authentication.getName(), credentials.toString());
    Instant now = clock.instant();
    Entry entry = verified.get(id);
    if (entry != null && entry.expiresAt().isAfter(now)) {
      if (stillCurrent.test(entry.authentication(), authentication)) {
        return entry.authentication();
      }
      verified.remove(id);
    }
    Authentication result = delegate.authenticate(authentication);
    if (result != null && result.isAuthenticated()) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.values().removeIf(e -> !e.expiresAt().isAfter(now));
        if (verified.size() >= MAX_ENTRIES) {
          verified.clear();
        }
      }
      verified.put(id, new Entry(result, now.plus(TTL)));
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private String fingerprint(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return java.util.HexFormat.of()
          .formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
