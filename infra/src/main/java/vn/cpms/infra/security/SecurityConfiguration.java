package vn.cpms.infra.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import vn.cpms.infra.audit.AuditFilter;
import vn.cpms.infra.audit.AuditTrail;
import vn.cpms.infra.web.ProblemResponses;

/**
 * HTTP Basic on the API, no session; users from {@link UserStore} (see {@link UserBootstrap}).
 * Roles decide the endpoints; {@link CallerScope} decides the areas.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      ProblemResponses problems,
      AuthenticationManager authenticationManager,
      AuditTrail audit)
      throws Exception {
    var entryPoint = new ProblemAuthenticationEntryPoint(problems);
    return http.securityMatcher(
            "/api/**",
            "/actuator/**",
            "/v3/api-docs/**",
            "/swagger-ui/**",
            "/swagger-ui.html",
            "/error")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                    .permitAll()
                    .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.POST, "/api/v1/children/*/erasure", "/api/v1/contacts/*/erasure")
                    .hasRole("ADMIN")
                    .requestMatchers(
                        "/api/v1/cases/*/plan/approval",
                        "/api/v1/cases/*/plan/return",
                        "/api/v1/cases/reassignment")
                    .hasAnyRole("SUPERVISOR", "ADMIN")
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/cases/*/referrals/*/answer",
                        "/api/v1/cases/*/referrals/*/completion")
                    .hasAnyRole("CASE_WORKER", "SUPERVISOR", "ADMIN", "PROVIDER")
                    .requestMatchers("/api/v1/alerts", "/api/v1/alerts/**")
                    .hasAnyRole("SUPERVISOR", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/v1/inbox")
                    .hasAnyRole("CASE_WORKER", "SUPERVISOR", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/v1/referrals")
                    .hasRole("PROVIDER")
                    .requestMatchers(HttpMethod.PUT, "/api/v1/providers/*")
                    .hasAnyRole("SUPERVISOR", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/v1/providers")
                    .hasAnyRole("CASE_WORKER", "SUPERVISOR", "ADMIN")
                    .requestMatchers(
                        "/api/v1/cases/**",
                        "/api/v1/cases",
                        "/api/v1/children/**",
                        "/api/v1/children")
                    .hasAnyRole("CASE_WORKER", "SUPERVISOR", "ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/v1/contacts", "/api/v1/contacts/**")
                    .hasAnyRole("HOTLINE_OPERATOR", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/v1/contacts", "/api/v1/contacts/**")
                    .hasAnyRole("HOTLINE_OPERATOR", "SUPERVISOR", "ADMIN")
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/indicators",
                        "/api/v1/plans",
                        "/api/v1/plans/**",
                        "/api/v1/reports/**")
                    .hasAnyRole("STATISTICIAN", "SUPERVISOR", "ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/v1/reports/*/*/submissions")
                    .hasAnyRole("STATISTICIAN", "SUPERVISOR", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/v1/report-calendar")
                    .hasAnyRole("STATISTICIAN", "SUPERVISOR", "ADMIN")
                    .requestMatchers(HttpMethod.PUT, "/api/v1/population/**", "/api/v1/figures/**")
                    .hasAnyRole("STATISTICIAN", "ADMIN")
                    .requestMatchers("/api/v1/imports/**")
                    .hasAnyRole("STATISTICIAN", "ADMIN")
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/v1/child-friendly-communes",
                        "/api/v1/child-protection-fund/*")
                    .hasAnyRole("STATISTICIAN", "SUPERVISOR", "ADMIN")
                    .requestMatchers(
                        "/api/v1/child-friendly-communes/**", "/api/v1/child-protection-fund/**")
                    .hasAnyRole("STATISTICIAN", "ADMIN")
                    .requestMatchers("/api/v1/statistics/**")
                    .hasAnyRole("STATISTICIAN", "SUPERVISOR", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/v1/codes/**")
                    .authenticated()
                    .requestMatchers(HttpMethod.GET, "/api/v1/areas", "/api/v1/areas/**")
                    .authenticated()
                    .requestMatchers("/api/v1/admin/**", "/actuator/prometheus")
                    .access(
                        (authentication, context) ->
                            new org.springframework.security.authorization.AuthorizationDecision(
                                CallerScope.callerIsNationalAdmin(authentication.get())))
                    .anyRequest()
                    .hasRole("ADMIN"))
        .authenticationManager(authenticationManager)
        .addFilterBefore(
            new RequestGuards.JsonWrites(problems),
            org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
        .addFilterAfter(new AuditFilter(audit, problems), AnonymousAuthenticationFilter.class)
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // stateless API with Basic credentials: no cookie to forge
        .build();
  }

  /**
   * Passwords are checked against their bcrypt hashes behind the throttle of wrong passwords per
   * account and address ({@link LoginThrottle}), with a short cache of verified pairs in front that
   * holds only while the user is unchanged ({@link VerifiedCredentialsCache}). A disabled account
   * is refused after its password is checked, like a wrong one.
   */
  @Bean
  AuthenticationManager authenticationManager(
      UserDetailsService users,
      UserStore store,
      PasswordEncoder encoder,
      java.time.Clock clock,
      org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc,
      AuditTrail audit,
      @org.springframework.beans.factory.annotation.Value("${cpms.security.lockout.max-failures:5}")
          int maxFailures,
      @org.springframework.beans.factory.annotation.Value("${cpms.security.lockout.duration:PT15M}")
          java.time.Duration lockDuration) {
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
    dao.setPasswordEncoder(encoder);
    dao.setPostAuthenticationChecks(
        user -> {
          if (user instanceof CpmsUser cpms && !cpms.account().enabled()) {
            throw new org.springframework.security.authentication.BadCredentialsException(
                "bad credentials");
          }
        });
    return new ProviderManager(
        new VerifiedCredentialsCache(
            new LoginThrottle(dao, jdbc, clock, maxFailures, lockDuration, encoder, audit),
            clock,
            (verified, attempt) -> stillCurrent(store, verified, LoginThrottle.sourceOf(attempt))));
  }

  /**
   * Whether a verified sign-in is still that of the user as stored (no change since) and, when a
   * source address is given, that address is not locked out for the user.
   */
  static boolean stillCurrent(
      UserStore store, org.springframework.security.core.Authentication a, String source) {
    return a.getPrincipal() instanceof CpmsUser user
        && store.activeStamp(user.getUsername(), source).map(s -> s == user.stamp()).orElse(false);
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(UserStore store) {
    return username ->
        store
            .find(username)
            .map(
                stored ->
                    new CpmsUser(
                        stored.account(),
                        stored.passwordHash(),
                        stored.stamp(),
                        stored.account().roles().stream()
                            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                            .toList()))
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }
}
