package vn.cpms.infra.privacy;

import java.time.Clock;
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
      Clock clock) {
    return new PersonalDataKeys(jdbc, masterKey, clock);
  }

  /** The application does not start with a master key that cannot read the stored keys. */
  @Bean
  org.springframework.beans.factory.SmartInitializingSingleton masterKeyCheck(
      PersonalDataKeys keys) {
    return keys::verifyMasterKey;
  }

  /** Every node forgets an erased child's keys as soon as the erasure commits (issue 18). */
  @Bean
  ErasureNotices erasureNotices(javax.sql.DataSource dataSource, PersonalDataKeys keys) {
    return new ErasureNotices(dataSource, keys);
  }
}
