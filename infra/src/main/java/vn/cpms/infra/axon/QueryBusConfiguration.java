package vn.cpms.infra.axon;

import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query bus of Axon's Spring Boot auto-configuration, without its transaction manager (issue
 * 21): a query only reads, and a transaction around it cost a BEGIN and a COMMIT, two more round
 * trips, for nothing: at PostgreSQL's READ COMMITTED each statement sees its own snapshot inside a
 * transaction or outside it. A query sent inside a command's or a processor's transaction still
 * runs in it (the JDBC template takes the connection bound to the thread).
 */
@Configuration(proxyBeanMethods = false)
public class QueryBusConfiguration {
  @Bean
  SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
    return SimpleQueryBus.builder()
        .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
        .errorHandler(
            axon.getComponent(
                QueryInvocationErrorHandler.class,
                () -> LoggingQueryInvocationErrorHandler.builder().build()))
        .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
        .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
        .build();
  }
}
