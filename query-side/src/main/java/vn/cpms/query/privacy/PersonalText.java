package vn.cpms.query.privacy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Personal data in the read models (issue 17): a name, an address, a phone or free text is stored
 * sealed with the key of its data subject (the child, the case or the contact), never in clear, so
 * that a dump of the database reads nothing and erasing the child (destroying its keys) makes every
 * copy unreadable at once. What the search needs is a keyed blind index: tokens that match a whole
 * word of a name or a birth date and reveal neither.
 */
public interface PersonalText {
  /**
   * {@code text} sealed with {@code subject}'s key; {@code null} when there is no text or the
   * subject was erased. {@code owner} is the child whose erasure erases the subject's key.
   */
  String seal(UUID subject, UUID owner, String text);

  /** The text a sealed value holds; {@code null} once its subject was erased. */
  String open(String sealed);

  /** {@link #open} for many values at once: the keys of a page of rows in one round trip. */
  List<String> openAll(List<String> sealed);

  /** The blind-index tokens of a name's words, case and accents ignored ("Đức" = "duc"). */
  List<String> nameTokens(String name);

  /** The blind-index token of a birth date. */
  String dateToken(LocalDate date);
}
