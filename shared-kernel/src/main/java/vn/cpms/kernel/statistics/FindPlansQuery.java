package vn.cpms.kernel.statistics;

/** Every plan of the catalogue; answers a list of {@link Plan}. */
public record FindPlansQuery() {}
