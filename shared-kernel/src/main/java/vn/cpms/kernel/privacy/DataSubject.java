package vn.cpms.kernel.privacy;

import java.util.UUID;

/**
 * A message whose {@link PersonalData} is encrypted with the key of one data subject: a child, a
 * case or a hotline contact. Erasing a child erases its own key and the keys of every subject it
 * owns (its cases, the contacts escalated about it).
 */
public interface DataSubject {
  /** The id whose key encrypts this message's personal data. */
  UUID dataSubject();

  /** The child whose erasure also erases this subject's key; {@code null} when none is known. */
  default UUID dataOwner() {
    return null;
  }
}
