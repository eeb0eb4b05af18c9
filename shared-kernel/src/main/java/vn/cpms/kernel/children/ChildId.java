package vn.cpms.kernel.children;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a child; a child may have several cases. */
public record ChildId(@JsonValue UUID value) {
  public ChildId {
    Objects.requireNonNull(value, "value");
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ChildId of(UUID value) {
    return new ChildId(value);
  }

  public static ChildId random() {
    return new ChildId(UUID.randomUUID());
  }

  public static ChildId parse(String value) {
    return new ChildId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
