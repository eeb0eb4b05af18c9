package vn.cpms.infra.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Entries are kept by Caffeine (expiry, a size bound). Requests that arrive together with a pair
 * not (or no longer) verified wait for one check of it rather than each running bcrypt (with HTTP
 * Basic every client's entry expires while it is sending, once a minute). The check runs outside
 * any lock of the cache, and a waiting request uses its result only if {@code stillCurrent} holds
 * for it and that request (its own address); otherwise, or if the check refused the pair, the
 * request is checked on its own.
 */
class VerifiedCredentialsCache implements AuthenticationProvider {
  static final Duration TTL = Duration.ofSeconds(60);
  static final int MAX_ENTRIES = 10_000;

  private final AuthenticationProvider delegate;
  private final SecretKeySpec key;
  private final Cache<String, Authentication> verified;

  /** The checks under way, by pair: a request with the same pair waits for the one running. */
  private final Map<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();

  private final java.util.function.BiPredicate<Authentication, Authentication> stillCurrent;

  VerifiedCredentialsCache(
      AuthenticationProvider delegate,
      Clock clock,
      java.util.function.BiPredicate<Authentication, Authentication> stillCurrent) {
    this.delegate = delegate;
    this.stillCurrent = stillCurrent;
    this.verified =
        Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(MAX_ENTRIES)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();
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
    Authentication known = verified.getIfPresent(id);
    if (known != null) {
      if (stillCurrent.test(known, authentication)) {
        return known;
      }
      verified.asMap().remove(id, known);
    }
    // one check per pair at a time, outside any lock: requests with the same pair wait for it
    CompletableFuture<Authentication> mine = new CompletableFuture<>();
    CompletableFuture<Authentication> running = checking.putIfAbsent(id, mine);
    if (running != null) {
      Authentication shared = running.join();
      if (shared != null && stillCurrent.test(shared, authentication)) {
        return shared;
      }
      return delegate.authenticate(authentication); // refused, or not current for this attempt
    }
    Authentication accepted = null;
    try {
      Authentication result = delegate.authenticate(authentication);
      if (result != null && result.isAuthenticated()) {
        accepted = result;
        verified.put(id, result);
      }
      return result;
    } finally {
      checking.remove(id, mine);
      mine.complete(accepted);
    }
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
