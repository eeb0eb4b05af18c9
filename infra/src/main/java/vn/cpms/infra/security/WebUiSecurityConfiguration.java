package vn.cpms.infra.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.cpms.infra.audit.AuditFilter;
import vn.cpms.infra.audit.AuditTrail;

/**
 * The web UI: every path the API chain ({@link SecurityConfiguration}) does not own. Same users and
 * the same authentication manager as the API, but a login form and a session cookie, so CSRF
 * protection is on (a token in every form, and in a header for htmx requests), and the browser is
 * told to run only the application's own scripts and styles.
 */
@Configuration(proxyBeanMethods = false)
public class WebUiSecurityConfiguration {
  /** The paths of the API chain; the UI chain takes everything else. */
  static final RequestMatcher API_PATHS =
      new OrRequestMatcher(
          java.util.stream.Stream.of(
                  "/api/**",
                  "/actuator/**",
                  "/v3/api-docs/**",
                  "/swagger-ui/**",
                  "/swagger-ui.html",
                  "/error")
              .map(p -> (RequestMatcher) new AntPathRequestMatcher(p))
              .toList());

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Bean
  @Order(10)
  SecurityFilterChain webUi(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      AuditTrail audit,
      vn.cpms.infra.web.ProblemResponses problems,
      UserStore users,
      java.time.Clock clock,
      @org.springframework.beans.factory.annotation.Value(
              "${cpms.security.session.max-lifetime:PT12H}")
          java.time.Duration maxLifetime)
      throws Exception {
    return http.securityMatcher(new NegatedRequestMatcher(API_PATHS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/language",
                        "/denied",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico")
                    .permitAll()
                    .requestMatchers("/admin", "/admin/users", "/admin/areas")
                    .hasRole("ADMIN")
                    .requestMatchers("/admin/**")
                    .access(
                        (authentication, context) ->
                            new org.springframework.security.authorization.AuthorizationDecision(
                                CallerScope.callerIsNationalAdmin(authentication.get())))
                    .requestMatchers("/inbox")
                    .hasAnyRole("CASE_WORKER", "SUPERVISOR", "ADMIN")
                    .requestMatchers("/referrals", "/referrals/**")
                    .hasRole("PROVIDER")
                    .requestMatchers(HttpMethod.POST, "/providers")
                    .hasAnyRole("SUPERVISOR", "ADMIN")
                    .requestMatchers("/providers")
                    .hasAnyRole("CASE_WORKER", "SUPERVISOR", "ADMIN")
                    .requestMatchers("/hotline", "/hotline/**")
                    .hasAnyRole("HOTLINE_OPERATOR", "ADMIN")
                    .requestMatchers("/cases/*/plan/approval", "/cases/*/plan/return")
                    .hasAnyRole("SUPERVISOR", "ADMIN")
                    .requestMatchers("/supervision", "/supervision/**")
                    .hasAnyRole("SUPERVISOR", "ADMIN")
                    .requestMatchers("/cases", "/cases/**", "/children", "/children/**")
                    .hasAnyRole("CASE_WORKER", "SUPERVISOR", "ADMIN")
                    .requestMatchers("/statistics/data", "/statistics/data/**")
                    .hasAnyRole("STATISTICIAN", "ADMIN")
                    .requestMatchers(HttpMethod.POST, "/statistics/registers/**")
                    .hasAnyRole("STATISTICIAN", "ADMIN")
                    .requestMatchers("/statistics", "/statistics/**")
                    .hasAnyRole("STATISTICIAN", "SUPERVISOR", "ADMIN")
                    .anyRequest()
                    .authenticated())
        .authenticationManager(authenticationManager)
        .addFilterBefore(
            new SessionFreshness(users, clock, maxLifetime), AnonymousAuthenticationFilter.class)
        .addFilterAfter(new AuditFilter(audit, problems), AnonymousAuthenticationFilter.class)
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .contentTypeOptions(options -> {}))
        .exceptionHandling(e -> e.accessDeniedPage("/denied"))
        .build();
  }
}
