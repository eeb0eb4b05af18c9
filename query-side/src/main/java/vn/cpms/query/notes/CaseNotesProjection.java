package vn.cpms.query.notes;

import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.cases.CaseNoteRecordedEvent;
import vn.cpms.kernel.cases.CaseNoteView;
import vn.cpms.kernel.cases.FindCaseNotesQuery;
import vn.cpms.kernel.cases.NoteKind;
import vn.cpms.query.jdbc.BatchedWrites;
import vn.cpms.query.jdbc.ProjectionWrites;
import vn.cpms.query.privacy.PersonalText;

/**
 * The notes of each case ({@code case_note}): visits, follow-up calls, working-group meetings and
 * plan reviews (issue 20), their participants and words sealed with the case's key, so that the
 * child's erasure makes them unreadable. Replaying a note changes nothing.
 */
@ProcessingGroup(CaseNotesProjection.PROCESSING_GROUP)
public class CaseNotesProjection implements vn.cpms.query.jdbc.ReadModel {
  public static final String PROCESSING_GROUP = "notes";
  static final List<String> TABLES = List.of("case_note");

  private final NamedParameterJdbcTemplate jdbc;
  private final PersonalText personal;
  private final BatchedWrites writes;

  public CaseNotesProjection(
      NamedParameterJdbcTemplate jdbc, PersonalText personal, ProjectionWrites projectionWrites) {
    this.jdbc = jdbc;
    this.personal = personal;
    this.writes = projectionWrites.of(PROCESSING_GROUP);
  }

  @Override
  public List<String> tables() {
    return TABLES;
  }

  @EventHandler
  void on(
      CaseNoteRecordedEvent e,
      @MetaDataValue("username") String username,
      @Timestamp Instant recordedAt) {
    UUID subject = e.caseId().value();
    writes.update(
        subject,
        "insert into case_note (note_id, case_id, kind, noted_on, participants, text,"
            + " recorded_by, recorded_at) values (:id, :caseId, :kind, :on, :participants, :text,"
            + " :by, :at) on conflict (note_id) do nothing",
        new MapSqlParameterSource("id", e.noteId())
            .addValue("caseId", subject)
            .addValue("kind", e.kind().name())
            .addValue("on", Date.valueOf(e.on()))
            .addValue(
                "participants",
                personal.seal(subject, null, e.participants()),
                java.sql.Types.VARCHAR)
            .addValue("text", personal.seal(subject, null, e.text()), java.sql.Types.VARCHAR)
            .addValue("by", username)
            .addValue("at", java.sql.Timestamp.from(recordedAt)));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }

  @QueryHandler
  public List<CaseNoteView> handle(FindCaseNotesQuery query) {
    record Row(
        UUID id,
        NoteKind kind,
        java.time.LocalDate on,
        String participants,
        String text,
        String by,
        Instant at) {}
    List<Row> rows =
        jdbc.query(
            "select * from case_note where case_id = :id order by noted_on desc, recorded_at desc",
            new MapSqlParameterSource("id", query.caseId().value()),
            (rs, n) ->
                new Row(
                    rs.getObject("note_id", UUID.class),
                    NoteKind.valueOf(rs.getString("kind")),
                    rs.getDate("noted_on").toLocalDate(),
                    rs.getString("participants"),
                    rs.getString("text"),
                    rs.getString("recorded_by"),
                    rs.getTimestamp("recorded_at").toInstant()));
    List<String> sealed = new ArrayList<>();
    rows.forEach(
        r -> {
          sealed.add(r.participants());
          sealed.add(r.text());
        });
    List<String> opened = personal.openAll(sealed);
    List<CaseNoteView> notes = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      notes.add(
          new CaseNoteView(
              r.id(), r.kind(), r.on(), opened.get(2 * i), opened.get(2 * i + 1), r.by(), r.at()));
    }
    return notes;
  }
}
