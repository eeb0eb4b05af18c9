package vn.cpms.query.children;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.children.ChildCaseFollowedEvent;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildIdentityErasedEvent;
import vn.cpms.kernel.children.ChildRegisteredEvent;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.ChildSummary;
import vn.cpms.kernel.children.ChildView;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.FindChildQuery;
import vn.cpms.kernel.children.Guardian;
import vn.cpms.kernel.children.IncidentRecordedEvent;
import vn.cpms.kernel.children.IncidentType;
import vn.cpms.kernel.children.InjuryCause;
import vn.cpms.kernel.children.SearchChildrenQuery;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.children.SpecialCircumstance;
import vn.cpms.kernel.children.SpecialCircumstanceEndedEvent;
import vn.cpms.kernel.children.SpecialCircumstanceIdentifiedEvent;
import vn.cpms.kernel.children.SupportRecordedEvent;
import vn.cpms.query.jdbc.BatchedWrites;

/**
 * The child's page and the duplicate search at intake. Rows are keyed by the child and the event's
 * sequence number (or the incident id), so replaying an event changes nothing.
 */
@ProcessingGroup(ChildrenProjection.PROCESSING_GROUP)
public class ChildrenProjection {
  public static final String PROCESSING_GROUP = "children";

  private final NamedParameterJdbcTemplate jdbc;
  private final BatchedWrites writes;

  public ChildrenProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.writes = new BatchedWrites(PROCESSING_GROUP, jdbc);
  }

  @EventHandler
  void on(ChildRegisteredEvent event, @SequenceNumber long sequence) {
    ChildRegistration r = event.registration();
    Map<String, Object> p = new HashMap<>();
    p.put("id", event.childId().value());
    p.put("name", r.fullName());
    p.put("key", r.fullName() == null ? null : nameKey(r.fullName()));
    p.put("birth", date(r.birthDate()));
    p.put("estimated", date(event.estimatedBirthDate()));
    p.put("sex", r.sex().name());
    p.put("ethnicity", r.ethnicity().code());
    p.put("disability", r.disability());
    p.put("area", r.areaCode().value());
    p.put("address", r.address());
    p.put("gName", r.guardian() == null ? null : r.guardian().fullName());
    p.put("gRelation", r.guardian() == null ? null : r.guardian().relation());
    p.put("gPhone", r.guardian() == null ? null : r.guardian().phone());
    p.put("version", sequence);
    writes.update(
        event.childId(),
        "insert into child_view (child_id, full_name, name_key, birth_date, estimated_birth_date,"
            + " sex, ethnicity, disability, area_code, address, guardian_name, guardian_relation,"
            + " guardian_phone, version) values (:id, :name, :key, :birth, :estimated, :sex,"
            + " :ethnicity, :disability, :area, :address, :gName, :gRelation, :gPhone, :version)"
            + " on conflict (child_id) do nothing",
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
            .addValue("reason", event.reason()));
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
            .addValue("kind", event.kind())
            .addValue("on", date(event.providedOn()))
            .addValue("amount", event.amountVnd())
            .addValue("note", event.note()));
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
            .addValue("note", event.note()));
    version(event.childId(), sequence);
  }

  /**
   * The identity is gone: the page keeps the child's history and statistical attributes and says
   * "erased"; a replay reaches the same state because the erased fields then read as null.
   */
  @EventHandler
  void on(ChildIdentityErasedEvent event, @SequenceNumber long sequence) {
    MapSqlParameterSource id = new MapSqlParameterSource("id", event.childId().value());
    writes.update(
        event.childId(),
        "update child_view set erased = true, full_name = null, name_key = null,"
            + " birth_date = null, address = null, guardian_name = null,"
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
    jdbc.getJdbcTemplate()
        .update(
            "truncate child_view, child_circumstance, child_support, child_incident, child_area,"
                + " child_case");
  }

  @QueryHandler
  public Optional<ChildView> handle(FindChildQuery query) {
    Map<String, Object> id = Map.of("id", query.childId().value());
    List<ChildView> rows =
        jdbc.query(
            "select * from child_view where child_id = :id",
            id,
            (rs, i) ->
                new ChildView(
                    query.childId(),
                    rs.getString("full_name"),
                    localDate(rs, "birth_date"),
                    localDate(rs, "estimated_birth_date"),
                    Sex.valueOf(rs.getString("sex")),
                    Ethnicity.of(rs.getString("ethnicity")),
                    rs.getBoolean("disability"),
                    AreaCode.of(rs.getString("area_code")),
                    rs.getString("address"),
                    rs.getString("guardian_name") == null
                        ? null
                        : new Guardian(
                            rs.getString("guardian_name"),
                            rs.getString("guardian_relation"),
                            rs.getString("guardian_phone")),
                    jdbc.query(
                        "select * from child_circumstance where child_id = :id order by sequence",
                        id,
                        (c, j) ->
                            new ChildView.Circumstance(
                                SpecialCircumstance.valueOf(c.getString("grp")),
                                localDate(c, "identified_on"),
                                localDate(c, "ended_on"),
                                c.getString("end_reason"))),
                    jdbc.query(
                        "select * from child_support where child_id = :id order by sequence",
                        id,
                        (c, j) ->
                            new ChildView.Support(
                                c.getString("kind"),
                                localDate(c, "provided_on"),
                                (Long) c.getObject("amount_vnd"),
                                c.getString("note"))),
                    jdbc.query(
                        "select * from child_incident where child_id = :id"
                            + " order by occurred_on, incident_id",
                        id,
                        (c, j) ->
                            new ChildView.Incident(
                                c.getObject("incident_id", UUID.class),
                                IncidentType.valueOf(c.getString("type")),
                                localDate(c, "occurred_on"),
                                AreaCode.of(c.getString("area_code")),
                                c.getString("injury_cause") == null
                                    ? null
                                    : InjuryCause.valueOf(c.getString("injury_cause")),
                                c.getBoolean("fatal"),
                                c.getString("note"))),
                    rs.getLong("version"),
                    rs.getBoolean("erased"),
                    jdbc
                        .queryForList(
                            "select area_code from child_area where child_id = :id"
                                + " order by area_code",
                            id,
                            String.class)
                        .stream()
                        .map(AreaCode::of)
                        .toList(),
                    jdbc.query(
                        "select * from child_case where child_id = :id order by open desc,"
                            + " case_id",
                        id,
                        (c, j) ->
                            new ChildView.CaseLink(
                                new vn.cpms.kernel.cases.CaseId(c.getObject("case_id", UUID.class)),
                                AreaCode.of(c.getString("area_code")),
                                c.getBoolean("open")))));
    return rows.stream().findFirst();
  }

  @QueryHandler
  public List<ChildSummary> handle(SearchChildrenQuery query) {
    MapSqlParameterSource params = new MapSqlParameterSource("limit", query.limit());
    StringBuilder where = new StringBuilder();
    LocalDate birthDate = parseDate(query.text());
    if (birthDate != null) {
      where.append("(birth_date = :birth or estimated_birth_date = :birth)");
      params.addValue("birth", Date.valueOf(birthDate));
    } else {
      where.append("name_key like :key");
      params.addValue("key", "%" + nameKey(query.text()).replace("%", "").replace("_", "") + "%");
    }
    where.append(" and not erased");
    if (query.areas() != null) {
      if (query.areas().isEmpty()) {
        return List.of();
      }
      where.append(
          " and child_id in (select child_id from child_area where area_code in (:areas))");
      params.addValue("areas", query.areas().stream().map(AreaCode::value).toList());
    }
    return jdbc.query(
        "select child_id, full_name, birth_date, sex, area_code from child_view where "
            + where
            + " order by full_name, child_id limit :limit",
        params,
        (rs, i) ->
            new ChildSummary(
                new ChildId(rs.getObject("child_id", UUID.class)),
                rs.getString("full_name"),
                localDate(rs, "birth_date"),
                Sex.valueOf(rs.getString("sex")),
                AreaCode.of(rs.getString("area_code"))));
  }

  /** "Nguyễn Văn Đức" → "nguyen van duc": what a search matches on. */
  static String nameKey(String name) {
    String stripped =
        Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return stripped.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
