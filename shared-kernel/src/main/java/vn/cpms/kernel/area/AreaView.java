package vn.cpms.kernel.area;

import java.time.LocalDate;

/** An area as the registry shows it. */
public record AreaView(
    AreaCode code,
    String name,
    AreaLevel level,
    AreaCode parentCode,
    AreaCode successorCode,
    LocalDate successionEffectiveOn) {}
