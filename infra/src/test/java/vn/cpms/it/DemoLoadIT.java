package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cpms.infra.demo.DemoData;

/**
 * Issue 18: the demo load, stopped at any moment (Ctrl-C, kill -9), is completed by the next start
 * with the same data, and a failing load never keeps the application from starting.
 */
class DemoLoadIT extends ApplicationIT {
  static final long SEED = 20261206;
  static final int CASES = 12;

  @Autowired CommandGateway commands;
  @Autowired EventStore events;
  @Autowired Clock clock;

  /** The gateway of a process that dies after {@code commands} commands. */
  CommandGateway dyingAfter(int limit) {
    AtomicInteger sent = new AtomicInteger();
    return (CommandGateway)
        Proxy.newProxyInstance(
            CommandGateway.class.getClassLoader(),
            new Class<?>[] {CommandGateway.class},
            (proxy, method, args) -> {
              if (method.getName().startsWith("send") && sent.incrementAndGet() > limit) {
                throw new IllegalStateException("the process was killed");
              }
              try {
                return method.invoke(commands, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** The ids the demo gives its case or contact {@code i} (DemoData's naming). */
  static String id(String kind, int i) {
    return java.util
        .UUID
        .nameUUIDFromBytes(
            ("cpms-demo:" + SEED + ":" + kind + ":" + i)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }

  long storedOfThisSeed() {
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      ids.add(id("case", i));
    }
    for (int i = 0; i < 2 * CASES; i++) {
      ids.add(id("contact", i));
    }
    Long n =
        jdbc.queryForObject(
            "select count(distinct aggregateidentifier) from domainevententry"
                + " where aggregateidentifier = any(?)",
            Long.class,
            (Object) ids.toArray(String[]::new));
    return n == null ? 0 : n;
  }

  @Test
  void a_load_stopped_at_any_moment_is_completed_by_the_next_start_with_the_same_data() {
    for (int stopAfter : new int[] {60, 90}) {
      // each stop leaves part of the data; the load never throws
      new DemoData(dyingAfter(stopAfter), events, clock, SEED, CASES).load();
    }
    assertThat(storedOfThisSeed()).as("the stopped loads left part of it").isLessThan(3 * CASES);
    new DemoData(commands, events, clock, SEED, CASES).load();
    // every case and every contact of the seed (all dated before today) is there
    assertThat(storedOfThisSeed()).isEqualTo(3 * CASES);
    // a further start finds everything and sends nothing
    long stored = storedEvents();
    new DemoData(commands, events, clock, SEED, CASES).load();
    assertThat(storedEvents()).isEqualTo(stored);
  }
}
