package vn.cpms.infra.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A member of a request that may be absent (API.md writes it with {@code ?}), or whose presence
 * depends on another member (checked where the request is turned into a command). Every member of a
 * request type carries a constraint or this: {@code RequestDeclarationsTest} sees that a new member
 * cannot be added without its rule.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface OptionalMember {}
