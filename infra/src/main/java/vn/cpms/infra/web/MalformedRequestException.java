package vn.cpms.infra.web;

/** A header or parameter that cannot be read (HTTP 400). Names the part, never its value. */
public class MalformedRequestException extends RuntimeException {
  public MalformedRequestException(String part) {
    super("malformed " + part);
  }
}
