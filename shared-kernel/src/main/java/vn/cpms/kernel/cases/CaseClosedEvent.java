package vn.cpms.kernel.cases;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Support for the case was closed.
 *
 * <p>Revision 2 adds {@code closedBy}: closing a case is a decision of the responsible worker
 * (Decree 56/2017), so the record itself names who took it rather than leaving it to the technical
 * metadata of the message, which other tools may strip or re-encode. Revision-1 events get it from
 * their metadata's {@code username} when they are read (CaseClosedEventUpcaster in infra).
 *
 * @param closedBy the username of the worker who closed the case; null when unknown (an event
 *     written before revision 2 without a recorded user)
 */
@Revision("2")
public record CaseClosedEvent(
    CaseId caseId, LocalDate closedOn, ClosureReason reason, String closedBy) implements CaseEvent {
  /** A closure whose worker is not known. */
  public CaseClosedEvent(CaseId caseId, LocalDate closedOn, ClosureReason reason) {
    this(caseId, closedOn, reason, null);
  }
}
