package vn.cpms.kernel.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The legal handling of a person suspected of the abuse; the latest one counts. */
@Revision("1")
public record LegalOutcomeRecordedEvent(
    CaseId caseId, UUID abuserId, LegalOutcome outcome, LocalDate on) implements CaseEvent {}
