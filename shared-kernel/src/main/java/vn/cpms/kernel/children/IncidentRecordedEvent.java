package vn.cpms.kernel.children;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;

/**
 * An incident happened to the child.
 *
 * @param child the child's statistical attributes on {@code occurredOn}
 * @param injuryCause for an injury only
 */
@Revision("1")
public record IncidentRecordedEvent(
    ChildId childId,
    UUID incidentId,
    IncidentType type,
    LocalDate occurredOn,
    AreaCode areaCode,
    InjuryCause injuryCause,
    boolean fatal,
    @vn.cpms.kernel.privacy.PersonalData String note,
    ChildFacts child)
    implements ChildEvent {}
