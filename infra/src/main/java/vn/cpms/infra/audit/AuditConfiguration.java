package vn.cpms.infra.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Commands sent for a request write their audit row in their own transaction: Axon's Spring Boot
 * starter registers every {@code MessageHandlerInterceptor} bean on the command bus.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {
  @Bean
  static AuditedCommands auditedCommands(AuditTrail trail) {
    return new AuditedCommands(trail);
  }
}
