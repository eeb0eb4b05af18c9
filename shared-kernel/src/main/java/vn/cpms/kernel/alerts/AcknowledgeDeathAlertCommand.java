package vn.cpms.kernel.alerts;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor has taken note of a child's death (the sender's name is the metadata's). */
public record AcknowledgeDeathAlertCommand(@TargetAggregateIdentifier UUID alertId) {}
