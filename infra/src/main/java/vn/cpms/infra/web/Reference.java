package vn.cpms.infra.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string member that names something stored (an area of the registry, a user, a contact category
 * of the taxonomy, an ethnicity of the official list): checked against it where the request becomes
 * a command, not by a constraint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.TYPE_USE,
  ElementType.RECORD_COMPONENT
})
public @interface Reference {
  /** What it names: {@code area}, {@code user}, {@code contact-category}, {@code ethnicity}, … */
  String value();
}
