package vn.cpms.infra.consistency;

import java.util.Set;

/**
 * A read that follows a write could not be answered in time: these read models have not yet
 * processed the position the client sent ({@code 503} with {@code Retry-After}).
 */
public class ReadModelsBehindException extends RuntimeException {
  private final transient Set<String> processors;

  public ReadModelsBehindException(long position, Set<String> processors) {
    super("read models " + processors + " have not reached position " + position);
    this.processors = Set.copyOf(processors);
  }

  public Set<String> processors() {
    return processors;
  }
}
