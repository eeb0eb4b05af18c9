package vn.cpms.infra.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The master keys that wrap the per-subject keys (issue 17). The current one ({@code
 * CPMS_PRIVACY_MASTER_KEY}) wraps every new key; the previous ones ({@code
 * CPMS_PRIVACY_PREVIOUS_MASTER_KEYS}, during a rotation) still unwrap the keys not re-wrapped yet.
 *
 * <p>A master key given as 256 random bits (base64, 44 characters) is used as it is; any other
 * secret goes through PBKDF2-HMAC-SHA256 with {@value #ITERATIONS} iterations and a random salt of
 * this installation (kept in {@code privacy_secret}, not secret). Each master key is known by an
 * id, the start of an HMAC of a fixed label under the key, stored with every key it wraps: the id
 * names the key without revealing it. Keys wrapped before key ids existed carry the id {@value
 * #LEGACY}; they were wrapped with the SHA-256 of the secret, which each configured secret is also
 * tried as.
 */
public final class MasterKeys {
  static final String LEGACY = "legacy";
  static final int ITERATIONS = 600_000;
  private static final String AES = "AES";

  /** A master key and its id. */
  public record MasterKey(String id, SecretKey key) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final String currentSecret;
  private final List<String> previousSecrets;
  private volatile Derived derived;

  private record Derived(MasterKey current, Map<String, MasterKey> byId, List<SecretKey> legacy) {}

  public MasterKeys(NamedParameterJdbcTemplate jdbc, String current, List<String> previous) {
    if (current == null || current.length() < 16) {
      throw new IllegalStateException(
          "Set CPMS_PRIVACY_MASTER_KEY (at least 16 characters, or 256 random bits in base64):"
              + " the key that protects the keys of children's personal data");
    }
    this.jdbc = jdbc;
    this.currentSecret = current;
    this.previousSecrets = previous.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The key that wraps new keys. */
  public MasterKey current() {
    return derived().current();
  }

  /** Every configured master key by id (the current one first). */
  public Map<String, MasterKey> known() {
    return derived().byId();
  }

  /** The keys that may have wrapped a key stored with the id {@value #LEGACY}. */
  List<SecretKey> legacy() {
    return derived().legacy();
  }

  private Derived derived() {
    Derived d = derived;
    if (d == null) {
      synchronized (this) {
        if (derived == null) {
          derived = derive();
        }
        d = derived;
      }
    }
    return d;
  }

  private Derived derive() {
    byte[] salt = salt();
    Map<String, MasterKey> byId = new LinkedHashMap<>();
    List<SecretKey> legacy = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    secrets.add(currentSecret);
    secrets.addAll(previousSecrets);
    for (String secret : secrets) {
      SecretKey key = deriveKey(secret, salt);
      MasterKey master = new MasterKey(idOf(key), key);
      byId.putIfAbsent(master.id(), master);
      legacy.add(legacyKey(secret));
    }
    return new Derived(byId.values().iterator().next(), Map.copyOf(byId), List.copyOf(legacy));
  }

  /** 256 random bits in base64 are the key; anything else is a passphrase for PBKDF2. */
  static SecretKey deriveKey(String secret, byte[] salt) {
    byte[] raw = rawKey(secret);
    if (raw != null) {
      return new SecretKeySpec(raw, AES);
    }
    try {
      PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, 256);
      byte[] derivedKey =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      spec.clearPassword();
      return new SecretKeySpec(derivedKey, AES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
    }
  }

  private static byte[] rawKey(String secret) {
    if (secret.length() != 44) {
      return null;
    }
    try {
      byte[] raw = Base64.getDecoder().decode(secret);
      return raw.length == 32 ? raw : null;
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** How keys were wrapped before issue 17: the SHA-256 of the secret. */
  static SecretKey legacyKey(String secret) {
    try {
      return new SecretKeySpec(
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)),
          AES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** The first 8 bytes of HMAC-SHA256(key, label), in hex: names a key without revealing it. */
  static String idOf(SecretKey key) {
    return HexFormat.of().formatHex(hmac(key, "cpms master key id"), 0, 8);
  }

  static byte[] hmac(SecretKey key, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** This installation's PBKDF2 salt, made on the first start by whichever node comes first. */
  private byte[] salt() {
    byte[] fresh = new byte[16];
    new SecureRandom().nextBytes(fresh);
    jdbc.update(
        "insert into privacy_secret (name, key_id, value) values ('kdf-salt', null, :salt)"
            + " on conflict (name) do nothing",
        Map.of("salt", fresh));
    return jdbc.queryForObject(
        "select value from privacy_secret where name = 'kdf-salt'", Map.of(), byte[].class);
  }
}
