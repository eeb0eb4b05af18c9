package vn.cpms.kernel.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A worker records a visit, a follow-up, a working-group meeting or a plan review on the case.
 *
 * @param participants who took part (personal data)
 * @param text what happened and what was decided (personal data)
 */
public record RecordCaseNoteCommand(
    @TargetAggregateIdentifier CaseId caseId,
    UUID noteId,
    NoteKind kind,
    LocalDate on,
    String participants,
    String text,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
