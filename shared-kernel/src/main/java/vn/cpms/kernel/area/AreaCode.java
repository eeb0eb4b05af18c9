package vn.cpms.kernel.area;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An official administrative unit code: province (2 digits), district (3 digits) or commune (5
 * digits).
 */
public record AreaCode(@JsonValue String value) {
  public AreaCode {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not an administrative unit code");
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static AreaCode of(String value) {
    return new AreaCode(value);
  }

  public static boolean isValid(String value) {
    return value != null
        && value.chars().allMatch(c -> c >= '0' && c <= '9')
        && (value.length() == 2 || value.length() == 3 || value.length() == 5);
  }

  @Override
  public String toString() {
    return value;
  }
}
