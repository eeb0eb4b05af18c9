package vn.cpms.kernel.cases;

/** Who reported the case, when they say. Personal data; every field optional. */
public record Reporter(String fullName, String relation, String phone) {
  /** Never the name or phone: a record printed into a log or an error must not carry them. */
  @Override
  public String toString() {
    return "Reporter[relation=" + relation + ", personal data hidden]";
  }
}
