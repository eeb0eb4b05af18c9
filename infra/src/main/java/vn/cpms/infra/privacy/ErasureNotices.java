package vn.cpms.infra.privacy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL's {@code LISTEN/NOTIFY} for erasures made by any node (issue 18): each
 * notice makes this node forget the erased child's keys at once, so no node decrypts an erased
 * child from its key cache. Notices are sent with the erasure's commit; if the listening connection
 * is lost, the whole cache is forgotten before listening again (notices may have been missed).
 */
public class ErasureNotices implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(ErasureNotices.class);

  private final DataSource dataSource;
  private final PersonalDataKeys keys;
  private volatile boolean running;
  private Thread thread;

  public ErasureNotices(DataSource dataSource, PersonalDataKeys keys) {
    this.dataSource = dataSource;
    this.keys = keys;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::listen, "erasure-notices");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + PersonalDataKeys.ERASED_CHANNEL);
        }
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        keys.forgetAll(); // anything erased while nobody listened
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notices = pg.getNotifications(1000);
          if (notices != null) {
            for (PGNotification notice : notices) {
              keys.forget(UUID.fromString(notice.getParameter()));
            }
          }
        }
      } catch (Exception e) {
        if (running) {
          log.warn(
              "Erasure notices interrupted ({}); listening again", e.getClass().getSimpleName());
          try {
            Thread.sleep(1000);
          } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }
}
