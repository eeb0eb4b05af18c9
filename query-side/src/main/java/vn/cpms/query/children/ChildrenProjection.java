package vn.cpms.query.children;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.children.ChildCaseFollowedEvent;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildIdentityErasedEvent;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Guardian;
import vn.cpms.kernel.children.IncidentRecordedEvent;
import vn.cpms.kernel.children.SpecialCircumstanceEndedEvent;
import vn.cpms.kernel.children.SpecialCircumstanceIdentifiedEvent;
import vn.cpms.kernel.children.SupportRecordedEvent;
import vn.cpms.query.jdbc.BatchedWrites;
import vn.cpms.query.jdbc.ProjectionWrites;
import vn.cpms.query.privacy.PersonalText;

/**
 * The read model of the child's page and the duplicate search at intake ({@link ChildQueries} reads
 * it). Rows are keyed by the child and the event's sequence number (or the incident id), so
 * replaying an event changes nothing. Personal data is stored sealed ({@link PersonalText}).
 */
@ProcessingGroup(ChildrenProjection.PROCESSING_GROUP)
public class ChildrenProjection implements vn.cpms.query.jdbc.ReadModel {
  /** The tables this projection fills and its reset empties. */
  static final List<String> TABLES =
      List.of(
          "child_view",
          "child_circumstance",
          "child_support",
          "child_incident",
          "child_area",
          "child_case");

  @Override
  public List<String> tables() {
    return TABLES;
  }

  public static final String PROCESSING_GROUP = "children";

  private final NamedParameterJdbcTemplate jdbc;
  private final BatchedWrites writes;
  private final PersonalText personal;

  public ChildrenProjection(
      NamedParameterJdbcTemplate jdbc, PersonalText personal, ProjectionWrites projectionWrites) {
    this.jdbc = jdbc;
    this.personal = personal;
    this.writes = projectionWrites.of(PROCESSING_GROUP);
  }

  /** Sealed with the child's own key: unreadable in a dump, and for good once it is erased. */
  private String sealed(ChildId child, String text) {
    return personal.seal(child.value(), child.value(), text);
  }

  @EventHandler
  void on(ChildRegisteredEvent event, @SequenceNumber long sequence) {
    ChildRegistration r = event.registration();
    ChildId child = event.childId();
    Guardian guardian = r.guardian();
    Map<String, Object> p = new HashMap<>();
    p.put("id", child.value());
    p.put("name", sealed(child, r.fullName()));
    p.put("tokens", personal.nameTokens(r.fullName()).toArray(String[]::new));
    p.put("birth", sealed(child, r.birthDate() == null ? null : r.birthDate().toString()));
    p.put("birthToken", personal.dateToken(r.birthDate()));
    p.put("estimated", date(event.estimatedBirthDate()));
    p.put("sex", r.sex().name());
    p.put("ethnicity", r.ethnicity().code());
    p.put("disability", r.disability());
    p.put("area", r.areaCode().value());
    p.put("address", sealed(child, r.address()));
    p.put("gName", guardian == null ? null : sealed(child, guardian.fullName()));
    p.put("gRelation", guardian == null ? null : sealed(child, guardian.relation()));
    p.put("gPhone", guardian == null ? null : sealed(child, guardian.phone()));
    p.put("version", sequence);
    writes.update(
        event.childId(),
        "insert into child_view (child_id, full_name, name_tokens, birth_date, birth_token,"
            + " estimated_birth_date, sex, ethnicity, disability, area_code, address,"
            + " guardian_name, guardian_relation, guardian_phone, version) values (:id, :name,"
            + " :tokens, :birth, :birthToken, :estimated, :sex, :ethnicity, :disability, :area,"
            + " :address, :gName, :gRelation, :gPhone, :version) on conflict (child_id) do nothing",
        new MapSqlParameterSource(p));
    writes.update(
        event.childId(),
        "insert into child_area (child_id, area_code) values (:id, :area) on conflict do nothing",
        new MapSqlParameterSource(p));
  }

  /** The child follows its case: the communes that work it now, and the case's row. */
  @EventHandler
  void on(ChildCaseFollowedEvent event, @SequenceNumber long sequence) {
    MapSqlParameterSource p =
        new MapSqlParameterSource()
            .addValue("id", event.childId().value())
            .addValue("case", event.caseId().value())
            .addValue("area", event.areaCode().value())
            .addValue("open", event.open());
    writes.update(
        event.childId(),
        "insert into child_case (child_id, case_id, area_code, open) values (:id, :case, :area,"
            + " :open) on conflict (child_id, case_id) do update set area_code = excluded.area_code,"
            + " open = excluded.open",
        p);
    writes.update(event.childId(), "delete from child_area where child_id = :id", p);
    for (AreaCode area : event.workingAreas()) {
      writes.update(
          event.childId(),
          "insert into child_area (child_id, area_code) values (:id, :area)",
          new MapSqlParameterSource()
              .addValue("id", event.childId().value())
              .addValue("area", area.value()));
    }
    version(event.childId(), sequence);
  }

  @EventHandler
  void on(SpecialCircumstanceIdentifiedEvent event, @SequenceNumber long sequence) {
    writes.update(
        event.childId(),
        "insert into child_circumstance (child_id, sequence, grp, identified_on)"
            + " values (:id, :seq, :grp, :on) on conflict do nothing",
        new MapSqlParameterSource()
            .addValue("id", event.childId().value())
            .addValue("seq", sequence)
            .addValue("grp", event.group().name())
            .addValue("on", date(event.identifiedOn())));
    version(event.childId(), sequence);
  }

  @EventHandler
  void on(SpecialCircumstanceEndedEvent event, @SequenceNumber long sequence) {
    writes.update(
        event.childId(),
        "update child_circumstance set ended_on = :on, end_reason = :reason"
            + " where child_id = :id and grp = :grp and ended_on is null and sequence < :seq",
        new MapSqlParameterSource()
            .addValue("id", event.childId().value())
            .addValue("seq", sequence)
            .addValue("grp", event.group().name())
            .addValue("on", date(event.endedOn()))
            .addValue("reason", sealed(event.childId(), event.reason())));
    version(event.childId(), sequence);
  }

  @EventHandler
  void on(SupportRecordedEvent event, @SequenceNumber long sequence) {
    writes.update(
        event.childId(),
        "insert into child_support (child_id, sequence, kind, provided_on, amount_vnd, note)"
            + " values (:id, :seq, :kind, :on, :amount, :note) on conflict do nothing",
        new MapSqlParameterSource()
            .addValue("id", event.childId().value())
            .addValue("seq", sequence)
            .addValue("kind", sealed(event.childId(), event.kind()))
            .addValue("on", date(event.providedOn()))
            .addValue("amount", event.amountVnd())
            .addValue("note", sealed(event.childId(), event.note())));
    version(event.childId(), sequence);
  }

  @EventHandler
  void on(IncidentRecordedEvent event, @SequenceNumber long sequence) {
    writes.update(
        event.childId(),
        "insert into child_incident (incident_id, child_id, type, occurred_on, area_code,"
            + " injury_cause, fatal, note) values (:incident, :id, :type, :on, :area, :cause,"
            + " :fatal, :note) on conflict do nothing",
        new MapSqlParameterSource()
            .addValue("incident", event.incidentId())
            .addValue("id", event.childId().value())
            .addValue("type", event.type().name())
            .addValue("on", date(event.occurredOn()))
            .addValue("area", event.areaCode().value())
            .addValue("cause", event.injuryCause() == null ? null : event.injuryCause().name())
            .addValue("fatal", event.fatal())
            .addValue("note", sealed(event.childId(), event.note())));
    version(event.childId(), sequence);
  }

  /**
   * The identity is gone: its key is destroyed, so every sealed copy is unreadable whatever the
   * table still holds; the page keeps the child's history and statistical attributes and says
   * "erased", and the blind index no longer finds it. The sealed values are cleared too, but
   * nothing relies on that (dead row versions, the WAL and backups hold them sealed).
   */
  @EventHandler
  void on(ChildIdentityErasedEvent event, @SequenceNumber long sequence) {
    MapSqlParameterSource id = new MapSqlParameterSource("id", event.childId().value());
    writes.update(
        event.childId(),
        "update child_view set erased = true, full_name = null, name_tokens = null,"
            + " birth_date = null, birth_token = null, address = null, guardian_name = null,"
            + " guardian_relation = null, guardian_phone = null where child_id = :id",
        id);
    writes.update(
        event.childId(),
        "update child_circumstance set end_reason = null where child_id = :id",
        id);
    writes.update(event.childId(), "update child_support set note = null where child_id = :id", id);
    writes.update(
        event.childId(), "update child_incident set note = null where child_id = :id", id);
    version(event.childId(), sequence);
  }

  private void version(ChildId childId, long sequence) {
    writes.update(
        childId,
        "update child_view set version = :seq where child_id = :id and version < :seq",
        new MapSqlParameterSource().addValue("id", childId.value()).addValue("seq", sequence));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
