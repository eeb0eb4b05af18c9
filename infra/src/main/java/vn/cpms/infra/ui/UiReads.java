package vn.cpms.infra.ui;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import vn.cpms.infra.web.NotFoundException;

/**
 * Read-your-own-writes for the pages shown right after a command: the read models follow the events
 * within milliseconds, so the page waits briefly until it shows what the user just did (the version
 * the command answered) instead of the state before it.
 */
final class UiReads {
  static final Duration PATIENCE = Duration.ofSeconds(3);

  private UiReads() {}

  /**
   * Reads, and right after a command ({@code afterCommand}) keeps reading until {@code caughtUp}:
   * only then may "not found" mean "not yet"; otherwise it answers at once (a case of another
   * commune is not found without a wait).
   */
  static <T> T await(Supplier<T> read, Predicate<T> caughtUp, boolean afterCommand) {
    if (!afterCommand) {
      return read.get();
    }
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        T value = read.get();
        if (caughtUp.test(value) || System.nanoTime() > deadline) {
          return value;
        }
      } catch (NotFoundException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return read.get();
      }
    }
  }
}
