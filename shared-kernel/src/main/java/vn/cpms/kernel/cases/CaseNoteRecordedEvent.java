package vn.cpms.kernel.cases;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A visit, follow-up, meeting or review was recorded on the case; its words are sealed. */
@Revision("1")
public record CaseNoteRecordedEvent(
    CaseId caseId,
    UUID noteId,
    NoteKind kind,
    LocalDate on,
    @vn.cpms.kernel.privacy.PersonalData String participants,
    @vn.cpms.kernel.privacy.PersonalData String text)
    implements CaseEvent {}
