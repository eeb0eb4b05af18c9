package vn.cpms.kernel.area;

/** One area of the registry; answers an optional {@link AreaView} (empty: not in the registry). */
public record FindAreaQuery(AreaCode code) {}
