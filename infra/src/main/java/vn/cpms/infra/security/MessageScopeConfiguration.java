package vn.cpms.infra.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One door for every message (issue 16): the caller's stamp on every command and query, and its
 * check before every handler. Axon's Spring Boot starter registers these beans on the gateways and
 * buses.
 */
@Configuration(proxyBeanMethods = false)
public class MessageScopeConfiguration {
  @Bean
  CallerStamp callerStamp(CallerScope scope) {
    return new CallerStamp(scope);
  }

  @Bean
  CallerStamp.Commands stampedCommands() {
    return new CallerStamp.Commands();
  }

  @Bean
  CallerStamp.Queries stampedQueries() {
    return new CallerStamp.Queries();
  }
}
