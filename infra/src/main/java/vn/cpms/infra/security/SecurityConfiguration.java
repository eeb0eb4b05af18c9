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
                    .requestMatchers(HttpMethod.POST, "/api/v1/children/*/erasure")
                    .hasRole("ADMIN")
                    .requestMatchers("/api/v1/cases/*/plan/approval")
                    .hasAnyRole("SUPERVISOR", "ADMIN")
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
   * Passwords are checked against their bcrypt hashes, with a short cache of verified pairs, behind
   * the lock-out: a locked account is refused before any check, a wrong password counts, a right
   * one resets the count.
   */
  @Bean
  AuthenticationManager authenticationManager(
      UserDetailsService users,
      PasswordEncoder encoder,
      java.time.Clock clock,
      org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc,
      @org.springframework.beans.factory.annotation.Value("${cpms.security.lockout.max-failures:5}")
          int maxFailures,
      @org.springframework.beans.factory.annotation.Value("${cpms.security.lockout.duration:PT15M}")
          java.time.Duration lockDuration) {
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
    dao.setPasswordEncoder(encoder);
    return new ProviderManager(
        new LoginLockout(
            new VerifiedCredentialsCache(dao, clock), jdbc, clock, maxFailures, lockDuration));
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
                        stored.account().roles().stream()
                            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                            .toList()))
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }
}
