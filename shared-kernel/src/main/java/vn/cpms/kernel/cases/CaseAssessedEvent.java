package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The detailed assessment was recorded.
 *
 * @param confirmedForms sorted; empty unless {@code abuseConfirmed}
 */
@Revision("1")
public record CaseAssessedEvent(
    CaseId caseId,
    Instant assessedAt,
    boolean abuseConfirmed,
    List<AbuseForm> confirmedForms,
    @vn.cpms.kernel.privacy.PersonalData String needs)
    implements CaseEvent {
  public CaseAssessedEvent {
    confirmedForms = List.copyOf(confirmedForms);
  }
}
