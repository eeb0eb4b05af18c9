package vn.cpms.infra.axon;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Upcasters of stored events, one bean per revision step: Axon's Spring Boot configuration puts
 * every {@link EventUpcaster} bean into the chain that the event store and every processor read
 * through, in {@link Order}.
 */
@Configuration(proxyBeanMethods = false)
public class EventEvolutionConfiguration {
  @Bean
  @Order(1)
  EventUpcaster caseClosedEventRevision2() {
    return new CaseClosedEventUpcaster();
  }

  @Bean
  @Order(2)
  EventUpcaster figureRecordedEventRevision2() {
    return new FigureRecordedEventUpcaster();
  }
}
