package vn.cpms.kernel.cases;

/** Who reported the case, when they say. Personal data; every field optional. */
public record Reporter(String fullName, String relation, String phone) {}
