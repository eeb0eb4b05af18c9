package vn.cpms.kernel.area;

/** Every area of the registry; answers a list of {@link AreaView}. */
public record FindAreasQuery() {}
