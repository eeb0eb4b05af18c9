package vn.cpms.infra.consistency;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wiring of reads that follow writes: positions noted on the event bus, waits on the query gateway
 * and the web requests, and pooled processors that store an idle segment's progress within {@code
 * cpms.consistency.idle-token-interval} (1 s; Axon's default is 5 s), so that a node waiting for a
 * segment claimed by another node learns of its progress soon.
 */
@Configuration(proxyBeanMethods = false)
public class ConsistencyConfiguration implements WebMvcConfigurer {
  private final ReadsFollowWrites readsFollowWrites;

  public ConsistencyConfiguration(ReadsFollowWrites readsFollowWrites) {
    this.readsFollowWrites = readsFollowWrites;
  }

  @Bean
  static CommandPositions commandPositions(JdbcTemplate jdbc) {
    return new CommandPositions(jdbc);
  }

  @Bean
  static ReadModels readModels(ApplicationContext context) {
    return new ReadModels(context);
  }

  @Bean
  static ReadModelGate readModelGate(
      EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer) {
    return new ReadModelGate(processing, jdbc, serializer);
  }

  @Bean
  static ReadsFollowWrites readsFollowWrites(
      ReadModelGate gate,
      ReadModels readModels,
      @Value("${cpms.consistency.timeout:PT10S}") Duration timeout) {
    return new ReadsFollowWrites(gate, readModels, timeout);
  }

  @Autowired
  void interceptMessages(EventBus eventBus, QueryGateway queries, CommandPositions positions) {
    eventBus.registerDispatchInterceptor(positions);
    queries.registerDispatchInterceptor(readsFollowWrites);
  }

  /**
   * The pooled processors' settings (one registration: a second would replace this one). With Axon
   * Server, a processor's first tokens start at the beginning of the stream without asking the
   * server (as the tail token does), so a node starts while Axon Server is out of reach.
   */
  @Autowired
  void storeIdleProgress(
      EventProcessingConfigurer processing,
      @Value("${cpms.consistency.idle-token-interval:PT1S}") Duration interval,
      @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
    processing.registerPooledStreamingEventProcessorConfiguration(
        (configuration, builder) -> {
          builder.claimExtensionThreshold(interval.toMillis());
          if (axonServer) {
            builder.initialToken(source -> null);
          }
          return builder;
        });
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(readsFollowWrites);
  }
}
