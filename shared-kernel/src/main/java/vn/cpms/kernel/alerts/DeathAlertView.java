package vn.cpms.kernel.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.cpms.kernel.area.AreaCode;

/**
 * A death alert: the case (when a case was closed as deceased) or the incident, the area, the date
 * and when it was raised; never the child's identity.
 */
public record DeathAlertView(
    UUID alertId, String source, UUID caseId, AreaCode areaCode, LocalDate on, Instant raisedAt) {}
