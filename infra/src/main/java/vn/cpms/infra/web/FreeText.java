package vn.cpms.infra.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string member that is text a person writes (a name, a description, a reason): no code list,
 * only its maximum length. Every string member of a request is {@link Code}, a pattern, {@link
 * Reference} or this ({@code RequestDeclarationsTest}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.TYPE_USE,
  ElementType.RECORD_COMPONENT
})
public @interface FreeText {}
