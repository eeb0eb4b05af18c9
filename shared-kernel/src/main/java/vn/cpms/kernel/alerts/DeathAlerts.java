package vn.cpms.kernel.alerts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The alert a child's death raises (issue 20; the Quảng Nam plan asks for immediate reports): one
 * per case closed as deceased and per fatal incident, its id derived from what raised it, so that a
 * replay raises the same alert and never a second one.
 */
public final class DeathAlerts {
  private DeathAlerts() {}

  public static UUID ofCase(UUID caseId) {
    return UUID.nameUUIDFromBytes(("death:case:" + caseId).getBytes(StandardCharsets.UTF_8));
  }

  public static UUID ofIncident(UUID incidentId) {
    return UUID.nameUUIDFromBytes(
        ("death:incident:" + incidentId).getBytes(StandardCharsets.UTF_8));
  }
}
