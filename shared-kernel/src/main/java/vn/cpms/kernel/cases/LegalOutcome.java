package vn.cpms.kernel.cases;

/**
 * How the law dealt with the person suspected of the abuse, as the circulars count it: not pursued,
 * an administrative sanction, criminal proceedings opened, a conviction, an acquittal.
 */
public enum LegalOutcome {
  NOT_PURSUED,
  ADMINISTRATIVE_SANCTION,
  CRIMINAL_PROCEEDINGS,
  CONVICTED,
  ACQUITTED
}
