package vn.cpms.kernel.registers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/**
 * The registers of {@code areas} as known at {@code asOf}: the communes' child-friendly status for
 * the year of {@code to}, and the fund's entries dated {@code from}…{@code to}; answers {@link
 * Registers}.
 */
public record FindRegistersQuery(Set<AreaCode> areas, LocalDate from, LocalDate to, Instant asOf) {
  public FindRegistersQuery {
    areas = Set.copyOf(areas);
  }
}
