package vn.cpms.infra.axon;

import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Axon wiring that keeps every event: dead-lettering that works on PostgreSQL. */
@Configuration(proxyBeanMethods = false)
public class ReliabilityConfiguration {
  @Bean
  static HandlerEnhancerDefinition projectionSavepoints(
      ObjectProvider<PlatformTransactionManager> transactionManager,
      ObjectProvider<vn.cpms.query.jdbc.ProjectionWrites> projectionWrites) {
    return new ProjectionSavepoints(transactionManager, projectionWrites);
  }
}
