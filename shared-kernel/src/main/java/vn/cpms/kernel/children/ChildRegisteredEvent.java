package vn.cpms.kernel.children;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A child was registered, either on its own ({@code POST /children}) or inline with a case report
 * or a hotline escalation.
 *
 * @param referenceDate the date that an age in years refers to: the report date of the case (or the
 *     contact's date) for an inline child, the recording date otherwise
 * @param estimatedBirthDate {@code referenceDate} minus the declared age when no birth date is
 *     known, else {@code null}
 */
@Revision("1")
public record ChildRegisteredEvent(
    ChildId childId,
    ChildRegistration registration,
    LocalDate referenceDate,
    LocalDate estimatedBirthDate)
    implements ChildEvent {}
