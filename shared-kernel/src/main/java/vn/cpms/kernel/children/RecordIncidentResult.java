package vn.cpms.kernel.children;

import java.util.UUID;

/** What recording an incident answers; {@code created} is false when it was sent again. */
public record RecordIncidentResult(UUID incidentId, long version, boolean created) {}
