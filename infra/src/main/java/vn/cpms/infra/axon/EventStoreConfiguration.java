package vn.cpms.infra.axon;

import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDBC event store of Axon's Spring Boot starter, with one change: it reads the event stream in
 * batches of {@code cpms.events.read-batch-size} events (1 000) instead of Axon's 100. A projection
 * rebuilt from zero reads the whole stream through one query per batch; larger batches cut those
 * round trips tenfold, and the live processors, a few events behind the head, read no more than
 * there is. With Axon Server (profile {@code axonserver}) Axon Server is the store and this is not
 * used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventStoreConfiguration {
  @Bean
  EventStorageEngine eventStorageEngine(
      Serializer defaultSerializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      org.axonframework.config.Configuration configuration,
      ConnectionProvider connectionProvider,
      TransactionManager transactionManager,
      @Value("${cpms.events.read-batch-size:1000}") int readBatchSize,
      @Value("${cpms.events.gap-timeout:PT60S}") Duration gapTimeout,
      @Value("${cpms.events.max-gap-offset:100000}") int maxGapOffset) {
    return new KeyedEventStorageEngine(
        JdbcEventStorageEngine.builder()
            .snapshotSerializer(defaultSerializer)
            .upcasterChain(configuration.upcasterChain())
            .persistenceExceptionResolver(persistenceExceptionResolver)
            .eventSerializer(eventSerializer)
            .snapshotFilter(configuration.snapshotFilter())
            .connectionProvider(connectionProvider)
            .transactionManager(transactionManager)
            .schema(new EventSchema())
            .batchSize(readBatchSize)
            // a gap is waited for this long: longer than any transaction may last (GapSafety)
            .gapTimeout((int) gapTimeout.toMillis())
            // and kept while this many later events commit: sized for the command rate (README)
            .maxGapOffset(maxGapOffset));
  }

  /** Warns at start when a transaction could outlive the gap timeout (a skipped event). */
  @Bean
  GapSafety gapSafety(
      org.springframework.jdbc.core.JdbcTemplate jdbc,
      @Value("${cpms.events.gap-timeout:PT60S}") Duration gapTimeout) {
    return new GapSafety(jdbc, gapTimeout);
  }

  /**
   * Tells a duplicate key by its SQL state (23505, what PostgreSQL's driver reports). Axon's
   * default resolver only knows {@code SQLIntegrityConstraintViolationException}, which the
   * PostgreSQL driver never throws: two nodes storing the same version of an aggregate got a 500
   * instead of a concurrency conflict (issue 18), which is now retried ({@link ConflictRetry}).
   */
  @Bean
  PersistenceExceptionResolver persistenceExceptionResolver() {
    return exception -> {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
          return true;
        }
      }
      return false;
    };
  }
}
