package vn.cpms.query.jdbc;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/**
 * A write of a projection that PostgreSQL refused, told without the values (issue 17): a JDBC
 * exception names the statement and its parameters, and PostgreSQL adds "Failing row contains (…)",
 * which for a child's row is a name, an address and a phone. This exception keeps the projection
 * and the SQL state only, and no cause, so that neither the log, nor the dead-letter queue's stored
 * cause, nor a stack trace holds personal data.
 */
public final class RefusedWrite extends RuntimeException {
  private final String sqlState;

  private RefusedWrite(String group, String sqlState, String kind) {
    super(
        "projection "
            + group
            + ": PostgreSQL refused a write (SQLState "
            + sqlState
            + ", "
            + kind
            + "); values left out of this message");
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }

  /** {@code e} without its values if it is a refused write; any other failure as it is. */
  public static RuntimeException of(String group, RuntimeException e) {
    if (!(e instanceof DataAccessException)) {
      return e;
    }
    String state = "unknown";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        state = sql.getSQLState();
        break;
      }
    }
    return new RefusedWrite(group, state, e.getClass().getSimpleName());
  }
}
