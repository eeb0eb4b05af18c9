package vn.cpms.kernel.cases;

/**
 * Forms of child abuse (xâm hại trẻ em), Law on Children 2016 art. 4 (API code list {@code
 * abuse-form}).
 */
public enum AbuseForm {
  VIOLENCE,
  SEXUAL_ABUSE,
  EXPLOITATION,
  TRAFFICKING,
  ABANDONMENT,
  NEGLECT,
  OTHER_HARM
}
