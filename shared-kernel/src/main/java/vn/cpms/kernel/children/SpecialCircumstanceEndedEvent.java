package vn.cpms.kernel.children;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The child no longer belongs to the group. */
@Revision("1")
public record SpecialCircumstanceEndedEvent(
    ChildId childId,
    SpecialCircumstance group,
    LocalDate endedOn,
    @vn.cpms.kernel.privacy.PersonalData String reason)
    implements ChildEvent {}
