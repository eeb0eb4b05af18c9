package vn.cpms.infra.axon;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * With Axon Server (profile {@code axonserver}) a command's domain error crosses the bus as details
 * of a {@code CommandExecutionException} ({@link DomainErrors}), answered with the same 4xx as on
 * one node.
 */
@Configuration(proxyBeanMethods = false)
@Profile("axonserver")
public class DistributedBusConfiguration {
  @Autowired
  void domainErrorsCrossTheBus(CommandBus commandBus) {
    commandBus.registerHandlerInterceptor(DomainErrors.wrapping());
  }
}
