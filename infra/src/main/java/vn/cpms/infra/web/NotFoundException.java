package vn.cpms.infra.web;

/** An id that does not exist, or that lies outside the caller's areas (HTTP 404, no leak). */
public class NotFoundException extends RuntimeException {
  private final String resource;

  public NotFoundException(String resource) {
    super(resource + " not found");
    this.resource = resource;
  }

  public String resource() {
    return resource;
  }
}
