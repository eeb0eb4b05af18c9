package vn.cpms.infra.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.cpms.command.privacy.PersonalDataShredder;

/**
 * The per-subject keys (AES-256) that encrypt personal data inside events, kept in {@code
 * personal_data_key}, apart from the event store, each wrapped with the master key ({@code
 * CPMS_PRIVACY_MASTER_KEY}) which is never stored in the database. A key is created inside the
 * transaction of the first event that needs it, so it exists exactly when that event does. Erasing
 * a child ({@link #shred}) destroys its key and the keys of the cases and contacts it owns; their
 * personal fields can never be read again and new events of an erased subject keep none.
 */
public class PersonalDataKeys implements PersonalDataShredder {
  private static final String AES = "AES";
  private static final String GCM = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int CACHE_LIMIT = 100_000;
  private static final int PREFETCH_LIMIT = 1_000;

  /** Other instances of the application see an erasure at the latest after this long. */
  private static final Duration CACHE_TTL = Duration.ofMinutes(5);

  /** One cipher per thread, initialised anew for each value (looking one up costs more). */
  private static final ThreadLocal<Cipher> CIPHERS =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance(GCM);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(GCM + " unavailable", e);
            }
          });

  private final NamedParameterJdbcTemplate jdbc;
  private final MasterKeys master;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

  /** Subjects erased by this instance: no cached key may come back for them. */
  private final Set<UUID> shredded = ConcurrentHashMap.newKeySet();

  private record Cached(Optional<SecretKey> key, Instant loadedAt) {}

  public PersonalDataKeys(NamedParameterJdbcTemplate jdbc, String masterSecret, Clock clock) {
    this(jdbc, new MasterKeys(jdbc, masterSecret, List.of()), clock);
  }

  public PersonalDataKeys(NamedParameterJdbcTemplate jdbc, MasterKeys master, Clock clock) {
    this.jdbc = jdbc;
    this.master = master;
    this.clock = clock;
  }

  /** A key wrapped with the master key of id {@code keyId}. */
  private record Wrapped(String keyId, byte[] bytes) {}

  /**
   * The key to encrypt {@code subject}'s personal data with, created if it has none; empty when the
   * subject was erased. {@code owner} is the child whose erasure also erases this key.
   */
  public Optional<SecretKey> keyForWriting(UUID subject, UUID owner) {
    Optional<Cached> cached = cached(subject);
    if (cached.isPresent() && (owner == null || owner.equals(subject))) {
      return cached.get().key();
    }
    Map<UUID, Optional<SecretKey>> prepared = transactionKeys();
    if (prepared != null
        && prepared.containsKey(subject)
        && (owner == null || owner.equals(subject) || ownedInTransaction().contains(subject))) {
      return prepared.get(subject);
    }
    Map<UUID, UUID> owners = new HashMap<>();
    owners.put(subject, owner);
    return upsert(List.of(subject), owners).get(subject);
  }

  /**
   * Creates (or finds) in one statement the keys of all the subjects the events of a transaction
   * are about to be sealed with, {@code owners} giving each subject's owner (or null), so that
   * sealing them sends no further statement (issue 21: one key statement per transaction, where a
   * report sent one per key). Outside a transaction this does nothing.
   */
  public void prepareForWriting(Map<UUID, UUID> owners) {
    Map<UUID, Optional<SecretKey>> local = transactionKeys();
    if (local == null) {
      return;
    }
    List<UUID> subjects =
        owners.keySet().stream()
            .filter(
                subject -> {
                  UUID owner = owners.get(subject);
                  boolean ownerKnown = owner == null || owner.equals(subject);
                  return !(ownerKnown
                      && (local.containsKey(subject) || cached(subject).isPresent()));
                })
            .sorted() // two transactions lock the same keys in the same order
            .toList();
    if (subjects.isEmpty()) {
      return;
    }
    upsert(subjects, owners);
  }

  /**
   * One round trip for all {@code subjects}: creates each one's key, or finds the existing one
   * (null once erased), and records the owner if the subject had none yet (a contact escalated
   * about a child). The keys serve the current transaction, and the cache once it commits.
   */
  private Map<UUID, Optional<SecretKey>> upsert(List<UUID> subjects, Map<UUID, UUID> owners) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    List<String> rows = new java.util.ArrayList<>();
    for (int i = 0; i < subjects.size(); i++) {
      UUID subject = subjects.get(i);
      byte[] fresh = new byte[32];
      random.nextBytes(fresh);
      Wrapped wrapped = wrap(subject, fresh);
      params
          .addValue("s" + i, subject)
          .addValue("o" + i, owners.get(subject))
          .addValue("w" + i, wrapped.bytes())
          .addValue("k" + i, wrapped.keyId());
      rows.add("(:s" + i + ", :o" + i + ", :w" + i + ", :k" + i + ", now())");
    }
    Map<UUID, Optional<SecretKey>> local = transactionKeys();
    Map<UUID, Optional<SecretKey>> keys = new HashMap<>();
    jdbc.query(
        "insert into personal_data_key (subject_id, owner_id, wrapped_key, key_id, created_at)"
            + " values "
            + String.join(", ", rows)
            + " on conflict (subject_id) do update set owner_id ="
            + " coalesce(personal_data_key.owner_id, excluded.owner_id)"
            + " returning subject_id, wrapped_key, key_id",
        params,
        rs -> {
          UUID subject = rs.getObject(1, UUID.class);
          Optional<SecretKey> key = keyOf(subject, rs.getBytes(2), rs.getString(3));
          keys.put(subject, key);
          if (local != null) {
            local.put(subject, key);
            if (owners.get(subject) != null) {
              ownedInTransaction().add(subject);
            }
          }
          remember(subject, key);
        });
    return keys;
  }

  /** The subjects whose owner this transaction has recorded. */
  private Set<UUID> ownedInTransaction() {
    return transactionResource(ownedKey, HashSet::new);
  }

  /** Where a transaction keeps {@link #ownedInTransaction}. */
  private final Object ownedKey = new Object();

  /**
   * The key to decrypt {@code subject}'s personal data with; empty when erased or unknown. Keys
   * read in a transaction serve it until it ends (the shared cache only takes them once committed);
   * a projection's batch loads the keys of all its events' aggregates in the same round trip.
   */
  public Optional<SecretKey> keyForReading(UUID subject) {
    Optional<Cached> cached = cached(subject);
    if (cached.isPresent()) {
      return cached.get().key();
    }
    Map<UUID, Optional<SecretKey>> local = transactionKeys();
    if (local == null) {
      return load(Set.of(subject)).getOrDefault(subject, Optional.empty());
    }
    Optional<SecretKey> known = local.get(subject);
    if (known != null) {
      return known;
    }
    Set<UUID> wanted = new HashSet<>();
    wanted.add(subject);
    for (UUID other : batchAggregates()) {
      if (wanted.size() < PREFETCH_LIMIT && !local.containsKey(other) && cached(other).isEmpty()) {
        wanted.add(other);
      }
    }
    Map<UUID, Optional<SecretKey>> loaded = load(wanted);
    for (UUID id : wanted) {
      local.put(id, loaded.getOrDefault(id, Optional.empty()));
    }
    return local.get(subject);
  }

  /**
   * The keys to decrypt each of {@code subjects} with, those not cached loaded in one round trip (a
   * page of read-model rows, each sealed with its own subject's key); erased or unknown: empty.
   */
  public Map<UUID, Optional<SecretKey>> keysForReading(java.util.Collection<UUID> subjects) {
    Map<UUID, Optional<SecretKey>> keys = new HashMap<>();
    Set<UUID> missing = new HashSet<>();
    for (UUID subject : subjects) {
      Optional<Cached> cached = cached(subject);
      if (cached.isPresent()) {
        keys.put(subject, cached.get().key());
      } else {
        missing.add(subject);
      }
    }
    if (!missing.isEmpty()) {
      Map<UUID, Optional<SecretKey>> loaded = load(missing);
      missing.forEach(subject -> keys.put(subject, loaded.getOrDefault(subject, Optional.empty())));
    }
    return keys;
  }

  /** The keys found for {@code subjects}, each remembered once the transaction commits. */
  private Map<UUID, Optional<SecretKey>> load(Set<UUID> subjects) {
    Map<UUID, Optional<SecretKey>> found = new HashMap<>();
    jdbc.query(
        "select subject_id, wrapped_key, key_id from personal_data_key"
            + " where subject_id in (:subjects)",
        Map.of("subjects", subjects),
        rs -> {
          UUID subject = rs.getObject(1, UUID.class);
          Optional<SecretKey> key = keyOf(subject, rs.getBytes(2), rs.getString(3));
          found.put(subject, key);
          // only what is committed may be remembered: a rolled-back key must not outlive its events
          remember(subject, key);
        });
    return found;
  }

  /** The keys read or created in the current transaction; null outside one. */
  private Map<UUID, Optional<SecretKey>> transactionKeys() {
    return transactionResource(this, HashMap::new);
  }

  /**
   * The value bound to the current transaction under {@code key}, made by {@code fresh} and unbound
   * when the transaction ends; null outside a transaction.
   */
  private static <T> T transactionResource(Object key, java.util.function.Supplier<T> fresh) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    @SuppressWarnings("unchecked")
    T value = (T) TransactionSynchronizationManager.getResource(key);
    if (value == null) {
      value = fresh.get();
      TransactionSynchronizationManager.bindResource(key, value);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
          });
    }
    return value;
  }

  /**
   * The aggregates of the events in the current processor batch: the subjects whose keys the batch
   * is about to need (a case's, a child's or a contact's personal data is keyed by its id).
   */
  private static Set<UUID> batchAggregates() {
    if (!CurrentUnitOfWork.isStarted()
        || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
      return Set.of();
    }
    Set<UUID> ids = new HashSet<>();
    for (Message<?> message : batch.getMessages()) {
      if (message instanceof DomainEventMessage<?> event) {
        try {
          ids.add(UUID.fromString(event.getAggregateIdentifier()));
        } catch (IllegalArgumentException notAUuid) {
          // not a subject of personal data
        }
      }
    }
    return ids;
  }

  private Optional<Cached> cached(UUID subject) {
    Cached cached = cache.get(subject);
    if (cached == null || cached.loadedAt().plus(CACHE_TTL).isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(cached);
  }

  /** A key and its wrapped form as stored, for tools that write keys in bulk (benchmarks). */
  public record NewKey(SecretKey key, byte[] wrapped, String keyId) {}

  /**
   * A fresh key for {@code subject}, not stored: the caller stores {@code wrapped} with its events.
   */
  public NewKey newKey(UUID subject) {
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
    Wrapped wrapped = wrap(subject, fresh);
    return new NewKey(new SecretKeySpec(fresh, AES), wrapped.bytes(), wrapped.keyId());
  }

  /** The key a wrapped form made by {@link #newKey} holds; empty when erased. */
  public Optional<SecretKey> unwrapped(UUID subject, byte[] wrapped) {
    return keyOf(subject, wrapped, master.current().id());
  }

  private Optional<SecretKey> keyOf(UUID subject, byte[] wrapped, String keyId) {
    return wrapped == null || shredded.contains(subject)
        ? Optional.empty()
        : Optional.of(new SecretKeySpec(unwrap(subject, keyId, wrapped), AES));
  }

  private void remember(UUID subject, Optional<SecretKey> key) {
    afterCommit(
        () -> {
          if (cache.size() > CACHE_LIMIT) {
            cache.clear();
          }
          if (!shredded.contains(subject)) {
            cache.put(subject, new Cached(key, clock.instant()));
          }
        });
  }

  /** Runs {@code action} once the current transaction commits, or now when there is none. */
  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              action.run();
            }
          });
    } else {
      action.run();
    }
  }

  @Override
  public void shred(UUID childId) {
    MapSqlParameterSource params = new MapSqlParameterSource("child", childId);
    List<UUID> erased =
        jdbc.queryForList(
            "update personal_data_key set wrapped_key = null, erased_at = now()"
                + " where (subject_id = :child or owner_id = :child) and erased_at is null"
                + " returning subject_id",
            params,
            UUID.class);
    // a child whose events predate encryption still gets a tombstone: nothing new is encrypted
    jdbc.update(
        "insert into personal_data_key (subject_id, owner_id, wrapped_key, created_at, erased_at)"
            + " values (:child, :child, null, now(), now()) on conflict (subject_id) do nothing",
        params);
    Set<UUID> gone = new HashSet<>(erased);
    gone.add(childId);
    forgotten(childId, gone);
  }

  @Override
  public void shredSubject(UUID subject) {
    MapSqlParameterSource params = new MapSqlParameterSource("subject", subject);
    jdbc.update(
        "update personal_data_key set wrapped_key = null, erased_at = now()"
            + " where subject_id = :subject and erased_at is null",
        params);
    jdbc.update(
        "insert into personal_data_key (subject_id, owner_id, wrapped_key, created_at, erased_at)"
            + " values (:subject, null, null, now(), now()) on conflict (subject_id) do nothing",
        params);
    forgotten(subject, Set.of(subject));
  }

  /**
   * The keys of {@code gone} were destroyed in this transaction: it reads them as erased at once,
   * every node forgets them once it commits (the NOTIFY names {@code announced}, and each node's
   * {@link ErasureNotices} forgets it and the keys it owns), and so does this one.
   */
  private void forgotten(UUID announced, Set<UUID> gone) {
    Map<UUID, Optional<SecretKey>> local = transactionKeys();
    if (local != null) {
      gone.forEach(subject -> local.put(subject, Optional.empty()));
    }
    // sent by PostgreSQL on commit only
    jdbc.queryForList(
        "select pg_notify(:channel, :subject)",
        new MapSqlParameterSource("channel", ERASED_CHANNEL)
            .addValue("subject", announced.toString()),
        Object.class);
    afterCommit(
        () -> {
          shredded.addAll(gone);
          gone.forEach(cache::remove);
        });
  }

  /** The PostgreSQL channel on which an erasure is announced to every node. */
  public static final String ERASED_CHANNEL = "cpms_personal_data_erased";

  /**
   * Another node erased {@code childId}: its key and the keys it owns are forgotten here at once,
   * instead of being served from the cache until it expires (issue 18).
   */
  public void forget(UUID childId) {
    List<UUID> owned =
        jdbc.queryForList(
            "select subject_id from personal_data_key where subject_id = :child"
                + " or owner_id = :child",
            new MapSqlParameterSource("child", childId),
            UUID.class);
    shredded.add(childId);
    shredded.addAll(owned);
    cache.remove(childId);
    owned.forEach(cache::remove);
  }

  /** Forgets every cached key: after notices may have been missed (a lost connection). */
  public void forgetAll() {
    cache.clear();
  }

  /** AES-GCM with a random IV; the subject id is authenticated with the text. */
  public byte[] encrypt(SecretKey key, UUID subject, byte[] plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(bytes(subject));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  public byte[] decrypt(SecretKey key, UUID subject, byte[] ivAndSealed) {
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndSealed, 0, IV_BYTES));
      cipher.updateAAD(bytes(subject));
      return cipher.doFinal(ivAndSealed, IV_BYTES, ivAndSealed.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("personal data of subject " + subject + " is corrupt", e);
    }
  }

  /**
   * Refuses master keys that cannot read the stored keys (issue 17): for every master key id in
   * use, one stored key must unwrap; an id that no configured master key has means a key was
   * dropped before the rotation away from it finished. Nothing stored yet: nothing to check.
   */
  public void verifyMasterKey() {
    // one row per key id in use, found through the index without reading every key
    List<Map<String, Object>> samples =
        jdbc.queryForList(
            "with recursive ids as ("
                + " (select key_id from personal_data_key where wrapped_key is not null"
                + " order by key_id limit 1)"
                + " union all select (select p.key_id from personal_data_key p"
                + " where p.wrapped_key is not null and p.key_id > ids.key_id"
                + " order by p.key_id limit 1) from ids where ids.key_id is not null)"
                + " select k.key_id, (select subject_id from personal_data_key p"
                + " where p.key_id = k.key_id and p.wrapped_key is not null limit 1) as subject_id"
                + " from ids k where k.key_id is not null",
            Map.of());
    for (Map<String, Object> sample : samples) {
      String keyId = (String) sample.get("key_id");
      UUID subject = (UUID) sample.get("subject_id");
      byte[] wrapped =
          jdbc.queryForObject(
              "select wrapped_key from personal_data_key where subject_id = :s",
              Map.of("s", subject),
              byte[].class);
      try {
        unwrap(subject, keyId, wrapped);
      } catch (IllegalStateException wrong) {
        throw new IllegalStateException(
            "CPMS_PRIVACY_MASTER_KEY (or CPMS_PRIVACY_PREVIOUS_MASTER_KEYS) does not hold the"
                + " master key "
                + keyId
                + " that stored personal-data keys are wrapped with: refusing to start (see"
                + " docs/security.md, rotating the master key)");
      }
    }
  }

  /**
   * Re-wraps up to {@code limit} keys not wrapped with the current master key (a rotation, or keys
   * from before key ids), in the caller's transaction; rows another node is re-wrapping are
   * skipped. Returns how many were re-wrapped: 0 when the rotation is complete.
   */
  public int rewrap(int limit) {
    String current = master.current().id();
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select subject_id, key_id, wrapped_key from personal_data_key"
                + " where wrapped_key is not null and key_id <> :current"
                + " limit :limit for update skip locked",
            new MapSqlParameterSource().addValue("current", current).addValue("limit", limit));
    List<MapSqlParameterSource> updates = new java.util.ArrayList<>();
    for (Map<String, Object> row : rows) {
      UUID subject = (UUID) row.get("subject_id");
      byte[] plain = unwrap(subject, (String) row.get("key_id"), (byte[]) row.get("wrapped_key"));
      Wrapped wrapped = wrap(subject, plain);
      updates.add(
          new MapSqlParameterSource()
              .addValue("subject", subject)
              .addValue("wrapped", wrapped.bytes())
              .addValue("keyId", wrapped.keyId())
              .addValue("old", row.get("key_id")));
    }
    if (!updates.isEmpty()) {
      jdbc.batchUpdate(
          "update personal_data_key set wrapped_key = :wrapped, key_id = :keyId"
              + " where subject_id = :subject and key_id = :old and wrapped_key is not null",
          updates.toArray(MapSqlParameterSource[]::new));
    }
    return rows.size() + rewrapSecrets(current);
  }

  /** How many stored keys each master key id wraps: the progress of a rotation. */
  public Map<String, Long> keysByMasterKey() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.query(
        "select key_id, count(*) from personal_data_key where wrapped_key is not null"
            + " group by key_id",
        Map.of(),
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  /** The id of the master key that wraps new keys. */
  public String currentMasterKeyId() {
    return master.current().id();
  }

  /**
   * An application secret of 256 bits (the blind index's key), made on first use by whichever node
   * comes first, stored wrapped with the master key like a subject's key.
   */
  public SecretKey secret(String name) {
    UUID subject = secretSubject(name);
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
    Wrapped wrapped = wrap(subject, fresh);
    jdbc.update(
        "insert into privacy_secret (name, key_id, value) values (:name, :keyId, :value)"
            + " on conflict (name) do nothing",
        new MapSqlParameterSource()
            .addValue("name", name)
            .addValue("keyId", wrapped.keyId())
            .addValue("value", wrapped.bytes()));
    Map<String, Object> row =
        jdbc.queryForMap(
            "select key_id, value from privacy_secret where name = :name", Map.of("name", name));
    return new SecretKeySpec(
        unwrap(subject, (String) row.get("key_id"), (byte[]) row.get("value")), AES);
  }

  private int rewrapSecrets(String current) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select name, key_id, value from privacy_secret where key_id is not null"
                + " and key_id <> :current for update skip locked",
            Map.of("current", current));
    for (Map<String, Object> row : rows) {
      String name = (String) row.get("name");
      UUID subject = secretSubject(name);
      Wrapped wrapped =
          wrap(subject, unwrap(subject, (String) row.get("key_id"), (byte[]) row.get("value")));
      jdbc.update(
          "update privacy_secret set key_id = :keyId, value = :value where name = :name",
          new MapSqlParameterSource()
              .addValue("name", name)
              .addValue("keyId", wrapped.keyId())
              .addValue("value", wrapped.bytes()));
    }
    return rows.size();
  }

  private static UUID secretSubject(String name) {
    return UUID.nameUUIDFromBytes(("cpms secret " + name).getBytes(StandardCharsets.UTF_8));
  }

  private Wrapped wrap(UUID subject, byte[] key) {
    MasterKeys.MasterKey current = master.current();
    return new Wrapped(current.id(), encrypt(current.key(), subject, key));
  }

  private byte[] unwrap(UUID subject, String keyId, byte[] wrapped) {
    if (MasterKeys.LEGACY.equals(keyId)) {
      IllegalStateException last = null;
      for (SecretKey legacy : master.legacy()) {
        try {
          return decrypt(legacy, subject, wrapped);
        } catch (IllegalStateException notThisOne) {
          last = notThisOne;
        }
      }
      throw last;
    }
    MasterKeys.MasterKey key = master.known().get(keyId);
    if (key == null) {
      throw new IllegalStateException("no configured master key has the id " + keyId);
    }
    return decrypt(key.key(), subject, wrapped);
  }

  private static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }
}
