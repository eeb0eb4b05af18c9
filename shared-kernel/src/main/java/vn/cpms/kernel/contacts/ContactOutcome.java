package vn.cpms.kernel.contacts;

/** How a contact ended (API code list {@code contact-outcome}). */
public enum ContactOutcome {
  /** Counselling or advice given during the contact. */
  ADVICE_GIVEN,
  /** Information about services or rights given. */
  INFORMATION_GIVEN,
  /** Referred to another service (health, police, school, …) outside a case. */
  REFERRED_ELSEWHERE,
  /** Handed to a commune as a case (set by the escalation). */
  ESCALATED,
  /** Nothing to do. */
  NO_ACTION,
  /** Silent call. */
  SILENT_CALL,
  /** Prank, abusive or test call. */
  PRANK_CALL,
  /** Caller hung up before the matter was clear. */
  DISCONNECTED,
  OTHER
}
