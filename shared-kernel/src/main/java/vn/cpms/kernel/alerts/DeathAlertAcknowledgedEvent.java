package vn.cpms.kernel.alerts;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** {@code username} has taken note of the death alert: it leaves their home page. */
@Revision("1")
public record DeathAlertAcknowledgedEvent(UUID alertId, String username) {}
