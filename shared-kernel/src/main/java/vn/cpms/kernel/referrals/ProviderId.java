package vn.cpms.kernel.referrals;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a service provider of the directory (a health station, a school, a police post…). */
public record ProviderId(@JsonValue UUID value) {
  public ProviderId {
    Objects.requireNonNull(value, "value");
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static ProviderId of(UUID value) {
    return new ProviderId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
