package vn.cpms.kernel.children;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One of the 54 official ethnic groups of Viet Nam, coded {@code 01}…{@code 54} ({@code 01} Kinh),
 * or {@code 00} unknown.
 */
public record Ethnicity(@JsonValue String code) {
  public static final Ethnicity UNKNOWN = new Ethnicity("00");

  public Ethnicity {
    if (!isValid(code)) {
      throw new IllegalArgumentException("not an ethnicity code");
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Ethnicity of(String code) {
    return new Ethnicity(code);
  }

  public static boolean isValid(String code) {
    if (code == null || code.length() != 2 || !Character.isDigit(code.charAt(0))) {
      return false;
    }
    if (!Character.isDigit(code.charAt(1))) {
      return false;
    }
    int n = Integer.parseInt(code);
    return n >= 0 && n <= 54;
  }

  @Override
  public String toString() {
    return code;
  }
}
