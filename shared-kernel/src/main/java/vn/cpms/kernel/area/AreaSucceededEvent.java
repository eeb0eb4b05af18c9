package vn.cpms.kernel.area;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The area was merged into {@code successorCode} on {@code effectiveOn}: the successor's figures
 * include this area's history; the old code stays valid for reading.
 */
@Revision("1")
public record AreaSucceededEvent(AreaCode code, AreaCode successorCode, LocalDate effectiveOn)
    implements AreaEvent {}
