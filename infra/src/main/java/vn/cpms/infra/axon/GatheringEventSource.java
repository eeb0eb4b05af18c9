package vn.cpms.infra.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event stream of a tracking processor that, once caught up, lets new events gather for a
 * moment before handling them. Without it a tracking processor handles each command's events in a
 * transaction of their own the instant they are stored: a commit (and a WAL flush) per command per
 * thread, competing with the commands themselves. With it the live processor handles what a short
 * interval brought in one batch, as the pooled processors do, while a rebuild, which always has
 * events waiting, reads at full speed.
 */
public final class GatheringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
  private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
  private final Duration gather;

  public GatheringEventSource(
      StreamableMessageSource<TrackedEventMessage<?>> delegate, Duration gather) {
    this.delegate = delegate;
    this.gather = gather;
  }

  @Override
  public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
    return new Gathering(delegate.openStream(trackingToken), gather.toMillis());
  }

  @Override
  public TrackingToken createTailToken() {
    return delegate.createTailToken();
  }

  @Override
  public TrackingToken createHeadToken() {
    return delegate.createHeadToken();
  }

  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    return delegate.createTokenAt(dateTime);
  }

  private record Gathering(BlockingStream<TrackedEventMessage<?>> stream, long gatherMillis)
      implements BlockingStream<TrackedEventMessage<?>> {
    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
      if (timeout <= 0 || stream.hasNextAvailable()) {
        return stream.hasNextAvailable(timeout, unit);
      }
      if (!stream.hasNextAvailable(timeout, unit)) {
        return false;
      }
      Thread.sleep(gatherMillis); // caught up: let the events of the next moment join this batch
      return true;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
      return stream.peek();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
      return stream.nextAvailable();
    }

    @Override
    public void close() {
      stream.close();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
      stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
      return stream.setOnAvailableCallback(callback);
    }
  }
}
