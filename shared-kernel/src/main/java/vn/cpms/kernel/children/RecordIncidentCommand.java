package vn.cpms.kernel.children;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.cpms.kernel.area.AreaCode;

/**
 * Records an incident: an injury (with its cause and whether it was fatal), a child marriage, child
 * labour, or a disaster that affected the child.
 *
 * @param expectedVersion the child's version the user saw ({@code If-Match}), or {@code null}
 */
public record RecordIncidentCommand(
    @TargetAggregateIdentifier ChildId childId,
    UUID incidentId,
    IncidentType type,
    LocalDate occurredOn,
    AreaCode areaCode,
    InjuryCause injuryCause,
    boolean fatal,
    String note,
    @TargetAggregateVersion Long expectedVersion) {}
