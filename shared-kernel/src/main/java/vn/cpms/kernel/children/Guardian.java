package vn.cpms.kernel.children;

/** The person who takes care of the child. Personal data. */
public record Guardian(String fullName, String relation, String phone) {
  /** Never the name or phone: a record printed into a log or an error must not carry them. */
  @Override
  public String toString() {
    return "Guardian[relation=" + relation + ", personal data hidden]";
  }
}
