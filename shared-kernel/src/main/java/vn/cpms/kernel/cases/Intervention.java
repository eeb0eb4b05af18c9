package vn.cpms.kernel.cases;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One intervention of a support plan: what, by whom, by when. */
public record Intervention(
    UUID id,
    InterventionType type,
    @vn.cpms.kernel.privacy.PersonalData String provider,
    LocalDate dueOn) {
  public Intervention {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(dueOn, "dueOn");
  }
}
