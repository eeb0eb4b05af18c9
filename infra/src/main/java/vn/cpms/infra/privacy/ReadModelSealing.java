package vn.cpms.infra.privacy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import vn.cpms.query.privacy.PersonalText;

/**
 * The read models' personal data, sealed with the subject's own key ({@link PersonalDataKeys}):
 * {@code pt1:<subject>:<base64 of IV + AES-GCM>}. The blind index is HMAC-SHA256 under an
 * application secret (itself wrapped with the master key), truncated to 128 bits.
 */
public final class ReadModelSealing implements PersonalText {
  static final String PREFIX = "pt1:";
  static final String INDEX_SECRET = "blind-index";

  private final PersonalDataKeys keys;
  private volatile SecretKey indexKey;

  public ReadModelSealing(PersonalDataKeys keys) {
    this.keys = keys;
  }

  @Override
  public String seal(UUID subject, UUID owner, String text) {
    if (text == null) {
      return null;
    }
    Optional<SecretKey> key = keys.keyForReading(subject);
    if (key.isEmpty()) {
      // erased (the answer stays empty), or an event from before encryption: its key is made now
      key = keys.keyForWriting(subject, owner);
    }
    return key.map(k -> sealed(k, subject, text)).orElse(null);
  }

  private String sealed(SecretKey key, UUID subject, String text) {
    byte[] sealed = keys.encrypt(key, subject, text.getBytes(StandardCharsets.UTF_8));
    return PREFIX + subject + ":" + Base64.getEncoder().encodeToString(sealed);
  }

  @Override
  public String open(String sealed) {
    if (sealed == null || !sealed.startsWith(PREFIX)) {
      return sealed;
    }
    UUID subject = subjectOf(sealed);
    return opened(sealed, subject, keys.keyForReading(subject));
  }

  @Override
  public List<String> openAll(List<String> sealed) {
    Set<UUID> subjects = new HashSet<>();
    for (String value : sealed) {
      if (value != null && value.startsWith(PREFIX)) {
        subjects.add(subjectOf(value));
      }
    }
    Map<UUID, Optional<SecretKey>> found = keys.keysForReading(subjects);
    List<String> opened = new ArrayList<>(sealed.size());
    for (String value : sealed) {
      if (value == null || !value.startsWith(PREFIX)) {
        opened.add(value);
      } else {
        UUID subject = subjectOf(value);
        opened.add(opened(value, subject, found.getOrDefault(subject, Optional.empty())));
      }
    }
    return opened;
  }

  private String opened(String sealed, UUID subject, Optional<SecretKey> key) {
    if (key.isEmpty()) {
      return null;
    }
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(sealed.indexOf(':', 4) + 1));
    return new String(keys.decrypt(key.get(), subject, bytes), StandardCharsets.UTF_8);
  }

  private static UUID subjectOf(String sealed) {
    return UUID.fromString(sealed.substring(PREFIX.length(), sealed.indexOf(':', PREFIX.length())));
  }

  @Override
  public List<String> nameTokens(String name) {
    if (name == null) {
      return List.of();
    }
    return Arrays.stream(words(name).split(" "))
        .filter(word -> !word.isEmpty())
        .distinct()
        .map(word -> token("name:" + word))
        .toList();
  }

  @Override
  public String dateToken(LocalDate date) {
    return date == null ? null : token("birth:" + date);
  }

  /** "Nguyễn Văn Đức" → "nguyen van duc". */
  static String words(String name) {
    String stripped =
        Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return stripped
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /**
   * Reads (or makes, committed at once) the blind index's key: at start-up, outside any
   * transaction, so that no node ever computes tokens with a key that a rollback undid.
   */
  public void prepare() {
    indexKey = keys.secret(INDEX_SECRET);
  }

  private String token(String value) {
    SecretKey key = indexKey;
    if (key == null) {
      throw new IllegalStateException("the blind index's key is read at start-up (prepare)");
    }
    return HexFormat.of().formatHex(MasterKeys.hmac(key, value), 0, 16);
  }
}
