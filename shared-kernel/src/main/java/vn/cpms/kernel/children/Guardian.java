package vn.cpms.kernel.children;

/** The person who takes care of the child. Personal data. */
public record Guardian(String fullName, String relation, String phone) {}
