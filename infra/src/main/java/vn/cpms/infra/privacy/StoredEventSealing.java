package vn.cpms.infra.privacy;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals, in place, the personal fields that events stored before their encryption still hold in
 * clear (issue 17: a support's kind, a provider, or every field of events older than encryption):
 * the events up to the last one stored before the upgrade ({@code privacy_sealing.upto}) are read
 * in order, {@value #BATCH} per short transaction, and each one with a clear personal field is
 * written again sealed with its subject's key. Its meaning does not change (reading opens the field
 * again), so no projection needs to replay. An event of an older revision than its class is left as
 * it is and counted in the log. A recurring db-scheduler task runs this on one node at a time until
 * the mark reaches {@code upto}; new events are sealed when written.
 */
public class StoredEventSealing {
  private static final Logger log = LoggerFactory.getLogger(StoredEventSealing.class);
  static final int BATCH = 500;

  private final NamedParameterJdbcTemplate jdbc;
  private final PersonalDataSerializer serializer;
  private final TransactionTemplate transactions;

  public StoredEventSealing(
      NamedParameterJdbcTemplate jdbc,
      PersonalDataSerializer serializer,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.serializer = serializer;
    this.transactions = transactions;
  }

  /** Seals until the mark reaches the last event stored before the upgrade; returns how many. */
  public long run() {
    long sealed = 0;
    Integer batch;
    do {
      batch = transactions.execute(status -> batch());
      sealed += batch == null || batch < 0 ? 0 : batch;
    } while (batch != null && batch >= 0);
    if (sealed > 0) {
      log.info("Sealed the clear personal fields of {} stored events", sealed);
    }
    return sealed;
  }

  /** One batch: how many events were sealed, or -1 when there is nothing left to read. */
  private int batch() {
    List<Map<String, Object>> mark =
        jdbc.queryForList(
            "select upto, done from privacy_sealing where done < upto for update skip locked",
            Map.of());
    if (mark.isEmpty()) {
      return -1;
    }
    long upto = ((Number) mark.get(0).get("upto")).longValue();
    long done = ((Number) mark.get(0).get("done")).longValue();
    List<Map<String, Object>> events =
        jdbc.queryForList(
            "select globalindex, payloadtype, payloadrevision, payload from domainevententry"
                + " where globalindex > :done and globalindex <= :upto order by globalindex"
                + " limit :batch",
            new MapSqlParameterSource()
                .addValue("done", done)
                .addValue("upto", upto)
                .addValue("batch", BATCH));
    int sealed = 0;
    long last = upto;
    for (Map<String, Object> event : events) {
      byte[] payload =
          serializer.sealClearFields(
              (String) event.get("payloadtype"),
              (String) event.get("payloadrevision"),
              (byte[]) event.get("payload"));
      if (payload != null) {
        jdbc.update(
            "update domainevententry set payload = :payload where globalindex = :index",
            new MapSqlParameterSource()
                .addValue("payload", payload)
                .addValue("index", event.get("globalindex")));
        sealed++;
      }
    }
    if (events.size() == BATCH) {
      last = ((Number) events.get(events.size() - 1).get("globalindex")).longValue();
    }
    jdbc.update("update privacy_sealing set done = :last", Map.of("last", last));
    return sealed;
  }
}
