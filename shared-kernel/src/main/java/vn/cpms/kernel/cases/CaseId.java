package vn.cpms.kernel.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a child protection case (one report and the procedure that follows it). */
public record CaseId(@JsonValue UUID value) {
  public CaseId {
    Objects.requireNonNull(value, "value");
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CaseId of(UUID value) {
    return new CaseId(value);
  }

  public static CaseId random() {
    return new CaseId(UUID.randomUUID());
  }

  public static CaseId parse(String value) {
    return new CaseId(UUID.fromString(value));
  }

  /**
   * The short case number that workers read out and type: the last {@value #NUMBER_LENGTH}
   * hexadecimal digits of the id, in capitals (as Primero's short id). Derived, never stored, so
   * every case has one from its first event.
   */
  public String number() {
    return number(value);
  }

  /** The case number of the case with this id. */
  public static String number(UUID id) {
    String text = id.toString();
    return text.substring(text.length() - NUMBER_LENGTH).toUpperCase(java.util.Locale.ROOT);
  }

  /** Whether {@code text} has the shape of a case number (any case). */
  public static boolean isNumber(String text) {
    return text != null && text.strip().matches("(?i)[0-9a-f]{" + NUMBER_LENGTH + "}");
  }

  public static final int NUMBER_LENGTH = 7;

  @Override
  public String toString() {
    return value.toString();
  }
}
