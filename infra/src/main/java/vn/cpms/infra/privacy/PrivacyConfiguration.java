package vn.cpms.infra.privacy;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The keys of personal data; the event serializer that uses them is in {@code AxonConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {
  @Bean
  PersonalDataKeys personalDataKeys(
      NamedParameterJdbcTemplate jdbc,
      @Value("${cpms.privacy.master-key:}") String masterKey,
      @Value("${cpms.privacy.previous-master-keys:}") List<String> previousMasterKeys,
      Clock clock) {
    return new PersonalDataKeys(jdbc, new MasterKeys(jdbc, masterKey, previousMasterKeys), clock);
  }

  @Bean
  ReadModelSealing readModelSealing(PersonalDataKeys keys) {
    return new ReadModelSealing(keys);
  }

  /**
   * The application does not start with a master key that cannot read the stored keys; the blind
   * index's key is made (or read) once, before any projection needs it.
   */
  @Bean
  org.springframework.beans.factory.SmartInitializingSingleton masterKeyCheck(
      PersonalDataKeys keys, ReadModelSealing sealing) {
    return () -> {
      keys.verifyMasterKey();
      sealing.prepare();
    };
  }

  @Bean
  KeyRotation keyRotation(
      PersonalDataKeys keys,
      org.springframework.transaction.PlatformTransactionManager transactionManager) {
    return new KeyRotation(
        keys, new org.springframework.transaction.support.TransactionTemplate(transactionManager));
  }

  /** The rotation runs every minute on one node at a time (db-scheduler's lock in PostgreSQL). */
  @Bean
  com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> keyRotationTask(
      KeyRotation rotation,
      @Value("${cpms.privacy.rotation-interval:PT1M}") java.time.Duration interval) {
    return recurring("personal-data-key-rotation", interval, rotation::run);
  }

  /** A task db-scheduler runs every {@code interval} on one node at a time. */
  private static com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> recurring(
      String name, java.time.Duration interval, Runnable work) {
    return com.github.kagkarlsson.scheduler.task.helper.Tasks.recurring(
            name, com.github.kagkarlsson.scheduler.task.schedule.FixedDelay.of(interval))
        .execute((instance, context) -> work.run());
  }

  @Bean
  StoredEventSealing storedEventSealing(
      NamedParameterJdbcTemplate jdbc,
      @org.springframework.beans.factory.annotation.Qualifier("eventSerializer")
          org.axonframework.serialization.Serializer eventSerializer,
      org.springframework.transaction.PlatformTransactionManager transactionManager) {
    return new StoredEventSealing(
        jdbc,
        (PersonalDataSerializer) eventSerializer,
        new org.springframework.transaction.support.TransactionTemplate(transactionManager));
  }

  /** Events stored before their fields were encrypted are sealed in the background, once. */
  @Bean
  com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> storedEventSealingTask(
      StoredEventSealing sealing,
      @Value("${cpms.privacy.rotation-interval:PT1M}") java.time.Duration interval) {
    return recurring("personal-data-sealing", interval, sealing::run);
  }

  /** Every node forgets an erased child's keys as soon as the erasure commits (issue 18). */
  @Bean
  ErasureNotices erasureNotices(javax.sql.DataSource dataSource, PersonalDataKeys keys) {
    return new ErasureNotices(dataSource, keys);
  }
}
