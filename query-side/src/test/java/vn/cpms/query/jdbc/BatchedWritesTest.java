package vn.cpms.query.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

class BatchedWritesTest {
  /** Records what would reach PostgreSQL: one line per round trip. */
  static final class Recorder extends NamedParameterJdbcTemplate {
    final List<String> sent = new ArrayList<>();
    final AtomicInteger failures = new AtomicInteger();

    Recorder() {
      super(new JdbcTemplate());
    }

    @Override
    public int update(String sql, SqlParameterSource params) {
      sent.add(sql + " " + params.getValue("row"));
      return 1;
    }

    @Override
    public int[] batchUpdate(String sql, SqlParameterSource[] batch) {
      if (failures.getAndDecrement() > 0) {
        throw new DataIntegrityViolationException("value too long for type character varying");
      }
      sent.add(
          sql
              + " "
              + Arrays.stream(batch)
                  .map(p -> String.valueOf(p.getValue("row")))
                  .collect(Collectors.joining(",")));
      return new int[batch.length];
    }
  }

  final Recorder jdbc = new Recorder();

  static SqlParameterSource row(String row) {
    return new MapSqlParameterSource("row", row);
  }

  static List<EventMessage<?>> events(String... payloads) {
    List<EventMessage<?>> events = new ArrayList<>();
    for (String payload : payloads) {
      events.add(GenericEventMessage.asEventMessage(payload));
    }
    return events;
  }

  /**
   * Handles one batch as a processor does: {@code handler} once per event (it gets the event's
   * payload), then the commit; what fails in either is thrown here.
   */
  static void batch(List<EventMessage<?>> events, java.util.function.Consumer<String> handler)
      throws Throwable {
    ResultMessage<?> result =
        new BatchingUnitOfWork<>(events)
            .executeWithResult(
                () -> {
                  handler.accept((String) CurrentUnitOfWork.get().getMessage().getPayload());
                  return null;
                });
    if (result.isExceptional()) {
      throw result.exceptionResult();
    }
  }

  @Test
  void the_nth_writes_of_every_case_go_together_and_each_cases_writes_keep_their_order()
      throws Throwable {
    BatchedWrites writes = new ProjectionWrites(jdbc).of("batched-order");
    batch(
        events("1", "2"),
        caseNo -> {
          writes.update(caseNo, "insert", row(caseNo + "a"));
          writes.update(caseNo, "assign", row(caseNo + "b"));
          if (caseNo.equals("1")) {
            writes.update(caseNo, "close", row(caseNo + "c"));
          }
          assertThat(jdbc.sent).as("nothing is sent before the batch commits").isEmpty();
        });

    assertThat(jdbc.sent).containsExactly("insert 1a,2a", "assign 1b,2b", "close 1c");
  }

  @Test
  void a_write_that_may_touch_any_case_waits_for_the_writes_before_it() throws Throwable {
    BatchedWrites writes = new ProjectionWrites(jdbc).of("batched-barrier");
    batch(
        events("1", "erase", "2"),
        event -> {
          if (event.equals("erase")) {
            writes.updateAll("erase", row("child"));
          } else {
            writes.update(event, "insert", row(event + "a"));
          }
        });

    assertThat(jdbc.sent).containsExactly("insert 1a", "erase child", "insert 2a");
  }

  @Test
  void a_failed_handlers_writes_are_dropped_and_the_others_sent() throws Throwable {
    BatchedWrites writes = new ProjectionWrites(jdbc).of("batched-discard");
    batch(
        events("1", "2"),
        caseNo -> {
          int mark = writes.mark();
          writes.update(caseNo, "insert", row(caseNo + "a"));
          if (caseNo.equals("2")) {
            writes.discardSince(mark);
          }
        });

    assertThat(jdbc.sent).containsExactly("insert 1a");
  }

  @Test
  void a_batch_refused_by_the_database_is_retried_writing_at_once_then_batched_again()
      throws Throwable {
    BatchedWrites writes = new ProjectionWrites(jdbc).of("batched-retry");
    List<EventMessage<?>> events = events("1", "2");
    jdbc.failures.set(1);

    // refused, and told without the row's values (issue 17)
    assertThatThrownBy(() -> batch(events, caseNo -> writes.update(caseNo, "insert", row(caseNo))))
        .isInstanceOf(RefusedWrite.class)
        .hasNoCause();
    assertThat(jdbc.sent).isEmpty();

    batch(
        events,
        caseNo -> {
          assertThat(writes.deferring()).isFalse();
          writes.update(caseNo, "insert", row(caseNo));
          assertThat(jdbc.sent)
              .as("the retry writes at once, so that each handler can run in a savepoint")
              .endsWith("insert " + caseNo);
        });
    assertThat(jdbc.sent).containsExactly("insert 1", "insert 2");

    jdbc.sent.clear();
    batch(
        events,
        caseNo -> {
          assertThat(writes.deferring()).isTrue();
          writes.update(caseNo, "insert", row(caseNo));
        });
    assertThat(jdbc.sent).as("once committed, batched again").containsExactly("insert 1,2");
  }

  @Test
  void outside_a_unit_of_work_every_write_is_sent_at_once() {
    BatchedWrites writes = new ProjectionWrites(jdbc).of("batched-direct");
    writes.update("1", "insert", row("1a"));
    assertThat(jdbc.sent).containsExactly("insert 1a");
    assertThat(writes.deferring()).isFalse();
  }

  @Test
  void a_group_that_does_not_write_through_it_has_no_writer() {
    assertThat(new ProjectionWrites(jdbc).find("not-batched")).isEmpty();
  }

  @Test
  void two_applications_in_one_jvm_share_no_retry_state() throws Throwable {
    BatchedWrites one = new ProjectionWrites(jdbc).of("batched-shared");
    BatchedWrites other = new ProjectionWrites(jdbc).of("batched-shared");
    List<EventMessage<?>> events = events("1", "2");
    jdbc.failures.set(1);
    assertThatThrownBy(() -> batch(events, caseNo -> one.update(caseNo, "insert", row(caseNo))))
        .isInstanceOf(RefusedWrite.class);
    // the failed batch makes only its own application write at once on the retry
    batch(events, caseNo -> assertThat(other.deferring()).isTrue());
    batch(events, caseNo -> assertThat(one.deferring()).isFalse());
  }
}
