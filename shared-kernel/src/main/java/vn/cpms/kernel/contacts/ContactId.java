package vn.cpms.kernel.contacts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a hotline contact (a call, message or visit to the hotline). */
public record ContactId(@JsonValue UUID value) {
  public ContactId {
    Objects.requireNonNull(value, "value");
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ContactId of(UUID value) {
    return new ContactId(value);
  }

  public static ContactId random() {
    return new ContactId(UUID.randomUUID());
  }

  public static ContactId parse(String value) {
    return new ContactId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
