package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Issue 18: the application context builds with the profile {@code axonserver} (the worklist's
 * event source exists there too) and routes commands and events through Axon Server. No Axon Server
 * runs here: the connector keeps trying in the background, which is all this test needs. What is
 * and is not verified against a real Axon Server is in the README.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "spring.profiles.active=axonserver",
      "axon.axonserver.servers=localhost:1",
      "cpms.embedded-postgres.data-dir=target/it-axonserver-postgres",
      "cpms.embedded-postgres.ephemeral=true",
      "cpms.security.admin-password=it-admin-secret",
      "cpms.hotline.caller-key-secret=it-caller-key-secret-0123456789",
      "cpms.privacy.master-key=it-privacy-master-key-0123456789"
    })
// closed after the test: its connector would otherwise retry in the background for the whole run
@org.springframework.test.annotation.DirtiesContext(
    classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class AxonServerProfileIT {
  @Autowired ApplicationContext context;
  @Autowired CommandBus commandBus;
  @Autowired EventStore eventStore;
  @Autowired EventProcessingConfiguration processing;

  @Test
  void the_context_builds_with_axon_server_as_store_and_bus() {
    assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
    assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
    assertThat(context.containsBean("trackingEventSource")).isTrue();
    assertThat(processing.eventProcessors()).containsKeys("worklist", "children", "statistics");
    EventProcessor worklist = processing.eventProcessors().get("worklist");
    assertThat(worklist).isNotNull();
  }
}
