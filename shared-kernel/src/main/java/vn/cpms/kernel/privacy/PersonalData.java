package vn.cpms.kernel.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that holds personal data (a name, an exact birth date, an address, a
 * phone number, free text about a person). Stored messages carry it encrypted with the key of the
 * message's {@link DataSubject}; once that key is erased it reads as {@code null}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {}
