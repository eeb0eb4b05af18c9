package vn.cpms.kernel.children;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;

/**
 * Care or assistance was given to the child.
 *
 * @param areaCode the child's area when the support was given
 */
@Revision("1")
public record SupportRecordedEvent(
    ChildId childId,
    @vn.cpms.kernel.privacy.PersonalData String kind,
    LocalDate providedOn,
    Long amountVnd,
    @vn.cpms.kernel.privacy.PersonalData String note,
    AreaCode areaCode)
    implements ChildEvent {}
