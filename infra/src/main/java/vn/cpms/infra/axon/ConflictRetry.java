package vn.cpms.infra.axon;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Two nodes that handle commands on the same case at the same moment both load version n and both
 * try to store n + 1; PostgreSQL keeps one and the other fails with a concurrency conflict (issue
 * 18). A command sent without {@code If-Match} asked for no particular version, so the conflict is
 * not its caller's: it is sent again (up to {@code retries} times, after 20, 40, 80 ms), loads the
 * new version and is decided on it. A command with {@code If-Match} fails on the aggregate's
 * version check instead ({@link ConflictingAggregateVersionException}, 409), never retried. A
 * create that lost to an existing stream is not retried here: {@link IdempotentCreates} sends it
 * again marked, to answer the first result. Nothing else is retried: a refused command is refused
 * again.
 */
public class ConflictRetry implements RetryScheduler {
  private final ScheduledExecutorService executor;
  private final int retries;

  public ConflictRetry(ScheduledExecutorService executor, int retries) {
    this.executor = executor;
    this.retries = retries;
  }

  @Override
  public boolean scheduleRetry(
      CommandMessage commandMessage,
      RuntimeException lastFailure,
      List<Class<? extends Throwable>[]> failures,
      Runnable commandDispatch) {
    boolean lostTheRace =
        lastFailure instanceof ConcurrencyException
            && !(lastFailure instanceof AggregateStreamCreationException);
    if (!lostTheRace
        || lastFailure instanceof ConflictingAggregateVersionException
        || failures.size() > retries) {
      return false;
    }
    long delay = 10L << failures.size(); // 20, 40, 80 ms
    executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
    return true;
  }
}
