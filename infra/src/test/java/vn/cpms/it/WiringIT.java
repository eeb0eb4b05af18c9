package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.axoniq.axonserver.connector.AxonServerConnection;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The storage and processing the walking skeleton promises, as actually wired. */
class WiringIT extends ApplicationIT {
  @Autowired ApplicationContext context;

  @Test
  void events_and_tokens_are_stored_in_postgresql_by_jdbc() {
    assertThat(context.getBean(EventStorageEngine.class))
        .isInstanceOf(JdbcEventStorageEngine.class);
    assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
  }

  @Test
  void without_the_axonserver_profile_nothing_connects_to_axon_server() {
    assertThat(context.getBeansOfType(AxonServerConnectionManager.class)).isEmpty();
    assertThat(context.getBeansOfType(AxonServerConnection.class)).isEmpty();
  }

  @Test
  void the_worklist_is_a_streaming_processor_with_a_dead_letter_queue() {
    // tracking, not pooled: the pooled coordinator caps a rebuild (docs/performance.md, M4)
    assertThat(processing.eventProcessor("worklist", TrackingEventProcessor.class)).isPresent();
    assertThat(processing.deadLetterQueue("worklist")).isPresent();
  }

  @Test
  void legal_deadlines_are_kept_in_the_database() {
    assertThat(context.getBean(org.axonframework.deadline.DeadlineManager.class))
        .isInstanceOf(org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager.class);
  }

  @Test
  void the_embedded_database_is_durable() {
    assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
    assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
  }

  @Test
  void flyway_created_every_axon_table() {
    assertThat(
            jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'",
                String.class))
        .contains(
            "domainevententry",
            "snapshotevententry",
            "tokenentry",
            "deadletterentry",
            "sagaentry",
            "associationvalueentry",
            "worklist_case",
            "flyway_schema_history");
  }
}
