package vn.cpms.kernel.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A case note as the case page shows it. */
public record CaseNoteView(
    UUID noteId,
    NoteKind kind,
    LocalDate on,
    String participants,
    String text,
    String recordedBy,
    Instant recordedAt) {}
