package vn.cpms.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class VerifiedCredentialsCacheTest {
  final AtomicInteger checks = new AtomicInteger();
  Instant now = Instant.parse("2026-11-23T01:00:00Z");

  /** Whether the user is unchanged since a pair was verified. */
  boolean current = true;

  volatile boolean slowCheck;

  /** The details of an attempt from an address locked out for the user. */
  static final String LOCKED_ADDRESS = "locked address";

  /** Accepts only "secret", counting every (expensive) check. */
  final AuthenticationProvider hashCheck =
      new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
          checks.incrementAndGet();
          if (slowCheck) {
            try {
              Thread.sleep(300);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          if (LOCKED_ADDRESS.equals(a.getDetails())) {
            throw new LockedException("locked"); // as the lock-out of an address does
          }
          if (!"secret".equals(a.getCredentials())) {
            throw new BadCredentialsException("bad");
          }
          return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
          return true;
        }
      };

  VerifiedCredentialsCache cache() {
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    return new VerifiedCredentialsCache(
        hashCheck,
        clock,
        (verified, attempt) -> current && !LOCKED_ADDRESS.equals(attempt.getDetails()));
  }

  static Authentication login(String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated("worker", password);
  }

  @Test
  void a_verified_password_is_not_checked_again_within_a_minute() {
    VerifiedCredentialsCache cache = cache();
    assertThat(cache.authenticate(login("secret")).isAuthenticated()).isTrue();
    assertThat(cache.authenticate(login("secret")).isAuthenticated()).isTrue();
    assertThat(checks).hasValue(1);
  }

  @Test
  void a_wrong_password_is_always_checked_and_rejected_even_after_a_right_one() {
    VerifiedCredentialsCache cache = cache();
    cache.authenticate(login("secret"));
    assertThatThrownBy(() -> cache.authenticate(login("guess")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> cache.authenticate(login("guess")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(checks).hasValue(3);
  }

  @Test
  void after_a_minute_the_password_is_checked_again() {
    VerifiedCredentialsCache cache = cache();
    cache.authenticate(login("secret"));
    now = now.plus(VerifiedCredentialsCache.TTL).plus(Duration.ofSeconds(1));
    cache.authenticate(login("secret"));
    assertThat(checks).hasValue(2);
  }

  @Test
  void requests_arriving_together_when_the_entry_has_expired_check_the_password_once()
      throws Exception {
    VerifiedCredentialsCache cache = cache();
    cache.authenticate(login("secret"));
    now = now.plus(VerifiedCredentialsCache.TTL).plus(Duration.ofSeconds(1));
    slowCheck = true; // a bcrypt check takes tens of milliseconds
    int requests = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(requests);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Authentication>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < requests; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return cache.authenticate(login("secret"));
                }));
      }
      start.countDown();
      for (java.util.concurrent.Future<Authentication> answer : answers) {
        assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS).isAuthenticated())
            .isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(checks).hasValue(2);
  }

  @Test
  void a_request_waiting_for_the_check_of_another_is_checked_for_its_own_address()
      throws Exception {
    VerifiedCredentialsCache cache = cache();
    slowCheck = true;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<Authentication> first =
          pool.submit(() -> cache.authenticate(login("secret")));
      while (checks.get() == 0) {
        Thread.sleep(5); // the first request's check is under way
      }
      UsernamePasswordAuthenticationToken fromLocked =
          UsernamePasswordAuthenticationToken.unauthenticated("worker", "secret");
      fromLocked.setDetails(LOCKED_ADDRESS);
      assertThatThrownBy(() -> cache.authenticate(fromLocked)).isInstanceOf(LockedException.class);
      assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS).isAuthenticated()).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(checks).hasValue(2);
  }

  @Test
  void a_change_of_the_user_since_the_check_makes_the_next_request_check_again() {
    VerifiedCredentialsCache cache = cache();
    cache.authenticate(login("secret"));
    current = false; // e.g. a password change or a disable on another node
    cache.authenticate(login("secret"));
    assertThat(checks).hasValue(2);
  }
}
