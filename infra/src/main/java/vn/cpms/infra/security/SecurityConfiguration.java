package vn.cpms.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import vn.cpms.infra.web.ApiProblems;

/**
 * HTTP Basic on the API, no session. Users: the demo profile creates {@code admin}/{@code admin};
 * any other profile creates only {@code admin} with the password of {@code CPMS_ADMIN_PASSWORD}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, ApiProblems problems, ObjectMapper json, LocaleResolver locales)
      throws Exception {
    var entryPoint = new ProblemAuthenticationEntryPoint(problems, json, locales);
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
                    .requestMatchers("/api/v1/cases/*/plan/approval")
                    .hasAnyRole("SUPERVISOR", "ADMIN")
                    .requestMatchers(
                        "/api/v1/cases/**",
                        "/api/v1/cases",
                        "/api/v1/children/**",
                        "/api/v1/children")
                    .hasAnyRole("CASE_WORKER", "SUPERVISOR", "ADMIN")
                    .anyRequest()
                    .hasRole("ADMIN"))
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // stateless API with Basic credentials: no cookie to forge
        .build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(
      Environment environment,
      PasswordEncoder encoder,
      @Value("${cpms.security.admin-password:}") String adminPassword) {
    List<UserDetails> users = new ArrayList<>();
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      users.add(
          User.withUsername("admin").password(encoder.encode("admin")).roles("ADMIN").build());
    } else if (!adminPassword.isBlank()) {
      users.add(
          User.withUsername("admin")
              .password(encoder.encode(adminPassword))
              .roles("ADMIN")
              .build());
    } else {
      log.warn("No user can sign in: set CPMS_ADMIN_PASSWORD to create the admin user");
    }
    return new InMemoryUserDetailsManager(users);
  }
}
