package vn.cpms.kernel.children;

import java.util.Objects;

/**
 * The statistical attributes of a child at the reference date of a fact, kept in clear in the
 * fact's event so that statistics never need the child's identity (which may be erased).
 *
 * @param ageYears completed years at the fact's reference date, {@code null} when unknown
 */
public record ChildFacts(Sex sex, Integer ageYears, Ethnicity ethnicity, boolean disability) {
  public ChildFacts {
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(ethnicity, "ethnicity");
  }
}
