package vn.cpms.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a caller's phone number into a key (HMAC-SHA256 with a secret kept outside the database) so
 * that repeat callers can be counted without ever storing or logging the number. Numbers are
 * normalised first: {@code +84 912 345 678} and {@code 0912345678} give the same key.
 */
@Component
public class CallerKeys {
  private final SecretKeySpec key;

  public CallerKeys(@Value("${cpms.hotline.caller-key-secret:}") String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalStateException(
          "Set CPMS_HOTLINE_CALLER_KEY_SECRET (at least 16 characters): the key that hides"
              + " callers' phone numbers");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The key of {@code phone}, or {@code null} when it holds no digit. */
  public String keyOf(String phone) {
    String digits = normalise(phone);
    if (digits.isEmpty()) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static String normalise(String phone) {
    if (phone == null) {
      return "";
    }
    String digits = phone.replaceAll("[^0-9]", "");
    if (phone.strip().startsWith("+84") || (digits.startsWith("84") && digits.length() == 11)) {
      digits = "0" + digits.substring(2);
    }
    return digits;
  }
}
