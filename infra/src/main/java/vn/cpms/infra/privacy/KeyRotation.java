package vn.cpms.infra.privacy;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-wraps every stored key with the current master key while the system runs (issue 17): a
 * recurring db-scheduler task (one node at a time) takes the keys still wrapped with a previous
 * master key, or with the pre-key-id derivation, {@value #BATCH} per short transaction, until none
 * is left. The data keys themselves do not change, so no event and no read model is rewritten and
 * every node keeps reading throughout.
 */
public class KeyRotation {
  private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
  static final int BATCH = 500;

  private final PersonalDataKeys keys;
  private final TransactionTemplate transactions;

  public KeyRotation(PersonalDataKeys keys, TransactionTemplate transactions) {
    this.keys = keys;
    this.transactions = transactions;
  }

  /** Re-wraps until every key is wrapped with the current master key; returns how many were. */
  public long run() {
    long total = 0;
    int done;
    do {
      Integer batch = transactions.execute(status -> keys.rewrap(BATCH));
      done = batch == null ? 0 : batch;
      total += done;
    } while (done > 0);
    if (total > 0) {
      log.info(
          "Re-wrapped {} personal-data keys with master key {}", total, keys.currentMasterKeyId());
    }
    return total;
  }

  /** The current master key's id and how many keys each master key id wraps. */
  public Status status() {
    return new Status(keys.currentMasterKeyId(), keys.keysByMasterKey());
  }

  /** A rotation is complete when {@code keysByMasterKey} has the current id only. */
  public record Status(String currentMasterKeyId, Map<String, Long> keysByMasterKey) {}
}
