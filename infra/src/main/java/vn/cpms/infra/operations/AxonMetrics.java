package vn.cpms.infra.operations;

import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's meters, as its Spring Boot starter registers them (dimensional: tagged with the message
 * name), except that an event processor counts and times its messages only when {@code
 * cpms.metrics.processor-messages} is on (issue 21). Those meters are looked up in the registry for
 * every event each of the twelve processors sees, handled or ignored: a sixth of a rebuild's CPU
 * (docs/performance.md). By default a processor exports its capacity ({@code
 * eventProcessor_capacity}); its lag and dead letters are {@code cpms_processor_*}.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMetrics {
  @Bean
  MetricsConfigurerModule metricsConfigurerModule(
      GlobalMetricRegistry registry,
      @Value("${cpms.metrics.processor-messages:false}") boolean processorMessages) {
    return new MetricsConfigurerModule(registry, true) {
      @Override
      public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(
            configuration ->
                (componentType, componentName) -> {
                  if (!processorMessages && EventProcessor.class.isAssignableFrom(componentType)) {
                    @SuppressWarnings("unchecked")
                    MessageMonitor<Message<?>> capacity =
                        (MessageMonitor<Message<?>>)
                            (MessageMonitor<?>)
                                CapacityMonitor.buildMonitor(
                                    "eventProcessor",
                                    registry.getRegistry(),
                                    message -> Tags.of("processorName", componentName));
                    return capacity;
                  }
                  @SuppressWarnings("unchecked")
                  MessageMonitor<Message<?>> monitor =
                      (MessageMonitor<Message<?>>)
                          registry.registerComponentWithDefaultTags(componentType, componentName);
                  return monitor;
                });
      }
    };
  }
}
