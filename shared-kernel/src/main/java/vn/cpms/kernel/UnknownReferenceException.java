package vn.cpms.kernel;

/**
 * A command names something that does not exist inside the resource (e.g. an intervention id that
 * is not in the case's plan): HTTP 404.
 */
public class UnknownReferenceException extends RuntimeException {
  private final String resource;

  public UnknownReferenceException(String resource) {
    super("unknown " + resource);
    this.resource = resource;
  }

  public String resource() {
    return resource;
  }
}
