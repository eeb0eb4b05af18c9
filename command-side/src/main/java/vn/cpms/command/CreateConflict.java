package vn.cpms.command;

import java.util.Map;

/**
 * Idempotent creates without reading first (issue 21). A command that creates an aggregate under an
 * id its sender chose is handled as if the id were new: nothing is read. If a stream with that id
 * already exists, PostgreSQL's unique key refuses the events when the unit of work commits and
 * everything rolls back; the gateway then sends the command once more with {@link #EXISTING} set,
 * and the handler reads what exists and answers the first result (or refuses a different command
 * that reused the id). Two concurrent duplicates thus both get the first result.
 */
public final class CreateConflict {
  /** Metadata of a command sent again after its create lost to an existing stream. */
  public static final String EXISTING = "cpms.streamExists";

  private CreateConflict() {}

  /** Whether the command is sent again because its aggregate's stream exists. */
  public static boolean existing(Map<String, ?> metaData) {
    return Boolean.TRUE.equals(metaData.get(EXISTING));
  }
}
