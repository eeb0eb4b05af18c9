package vn.cpms.command.privacy;

import java.util.UUID;

/**
 * Destroys the encryption keys of a child's personal data: the child's own key and the keys of
 * every subject it owns (its cases, the contacts escalated about it). Runs inside the erasing
 * command's transaction, so the keys and the erasure event go together or not at all.
 */
public interface PersonalDataShredder {
  void shred(UUID childId);

  /** Destroys the key of one subject only (a hotline contact's summary), in the same way. */
  void shredSubject(UUID subject);
}
