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

  @Override
  public String toString() {
    return value.toString();
  }
}
