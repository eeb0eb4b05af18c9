package vn.cpms.kernel.children;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;

/**
 * The child was identified as belonging to a special-circumstance group.
 *
 * @param child the child's statistical attributes on {@code identifiedOn}
 * @param areaCode the child's area when identified
 */
@Revision("1")
public record SpecialCircumstanceIdentifiedEvent(
    ChildId childId,
    SpecialCircumstance group,
    LocalDate identifiedOn,
    AreaCode areaCode,
    ChildFacts child)
    implements ChildEvent {}
