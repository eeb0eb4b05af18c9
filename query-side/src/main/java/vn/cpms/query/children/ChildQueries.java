package vn.cpms.query.children;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildSummary;
import vn.cpms.kernel.children.ChildView;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.FindChildQuery;
import vn.cpms.kernel.children.FindChildSummariesQuery;
import vn.cpms.kernel.children.Guardian;
import vn.cpms.kernel.children.IncidentType;
import vn.cpms.kernel.children.InjuryCause;
import vn.cpms.kernel.children.SearchChildrenQuery;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.children.SpecialCircumstance;
import vn.cpms.query.privacy.PersonalText;

/**
 * The child's page and the duplicate search, read from {@link ChildrenProjection}'s tables: sealed
 * values are opened with the child's key (an erased child's read as nothing), and the search
 * matches the blind index: every word typed must be a whole word of the name, accents and case
 * ignored, or the text is a birth date.
 *
 * <p>It handles no event: its processing group names the read model it reads, so that a read that
 * follows a write waits for the {@code children} projection (ReadModels).
 */
@ProcessingGroup(ChildrenProjection.PROCESSING_GROUP)
public class ChildQueries {
  private final NamedParameterJdbcTemplate jdbc;
  private final PersonalText personal;

  public ChildQueries(NamedParameterJdbcTemplate jdbc, PersonalText personal) {
    this.jdbc = jdbc;
    this.personal = personal;
  }

  @QueryHandler
  public Optional<ChildView> handle(FindChildQuery query) {
    Map<String, Object> id = Map.of("id", query.childId().value());
    List<ChildView> rows =
        jdbc.query(
            "select * from child_view where child_id = :id",
            id,
            (rs, i) -> {
              String guardianName = open(rs, "guardian_name");
              return new ChildView(
                  query.childId(),
                  open(rs, "full_name"),
                  parse(open(rs, "birth_date")),
                  localDate(rs, "estimated_birth_date"),
                  Sex.valueOf(rs.getString("sex")),
                  Ethnicity.of(rs.getString("ethnicity")),
                  rs.getBoolean("disability"),
                  AreaCode.of(rs.getString("area_code")),
                  open(rs, "address"),
                  guardianName == null
                      ? null
                      : new Guardian(
                          guardianName, open(rs, "guardian_relation"), open(rs, "guardian_phone")),
                  circumstances(id),
                  supports(id),
                  incidents(id),
                  rs.getLong("version"),
                  rs.getBoolean("erased"),
                  areas(id),
                  cases(id));
            });
    return rows.stream().findFirst();
  }

  private List<ChildView.Circumstance> circumstances(Map<String, Object> id) {
    return jdbc.query(
        "select * from child_circumstance where child_id = :id order by sequence",
        id,
        (c, j) ->
            new ChildView.Circumstance(
                SpecialCircumstance.valueOf(c.getString("grp")),
                localDate(c, "identified_on"),
                localDate(c, "ended_on"),
                open(c, "end_reason")));
  }

  private List<ChildView.Support> supports(Map<String, Object> id) {
    return jdbc.query(
        "select * from child_support where child_id = :id order by sequence",
        id,
        (c, j) ->
            new ChildView.Support(
                open(c, "kind"),
                localDate(c, "provided_on"),
                (Long) c.getObject("amount_vnd"),
                open(c, "note")));
  }

  private List<ChildView.Incident> incidents(Map<String, Object> id) {
    return jdbc.query(
        "select * from child_incident where child_id = :id order by occurred_on, incident_id",
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
                open(c, "note")));
  }

  private List<AreaCode> areas(Map<String, Object> id) {
    return jdbc
        .queryForList(
            "select area_code from child_area where child_id = :id order by area_code",
            id,
            String.class)
        .stream()
        .map(AreaCode::of)
        .toList();
  }

  private List<ChildView.CaseLink> cases(Map<String, Object> id) {
    return jdbc.query(
        "select * from child_case where child_id = :id order by open desc, case_id",
        id,
        (c, j) ->
            new ChildView.CaseLink(
                new CaseId(c.getObject("case_id", UUID.class)),
                AreaCode.of(c.getString("area_code")),
                c.getBoolean("open")));
  }

  /** A row of the search before its sealed values are opened. */
  private record Found(UUID id, String name, String birth, String sex, String area) {}

  @QueryHandler
  public List<ChildSummary> handle(SearchChildrenQuery query) {
    MapSqlParameterSource params = new MapSqlParameterSource("limit", query.limit());
    StringBuilder where = new StringBuilder();
    LocalDate birthDate = parse(query.text());
    if (birthDate != null) {
      where.append("(birth_token = :birth or estimated_birth_date = :estimated)");
      params.addValue("birth", personal.dateToken(birthDate));
      params.addValue("estimated", Date.valueOf(birthDate));
    } else {
      List<String> tokens = personal.nameTokens(query.text());
      if (tokens.isEmpty()) {
        return List.of();
      }
      where.append("name_tokens @> cast(:tokens as varchar(32)[])");
      params.addValue("tokens", tokens.toArray(String[]::new));
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
    return summaries(where + " order by child_id limit :limit", params);
  }

  /** Children by id, for lists that name each row's child: erased children are left out. */
  @QueryHandler
  public List<ChildSummary> handle(FindChildSummariesQuery query) {
    if (query.ids().isEmpty()) {
      return List.of();
    }
    return summaries(
        "child_id in (:ids) and not erased",
        new MapSqlParameterSource("ids", query.ids().stream().map(ChildId::value).toList()));
  }

  private List<ChildSummary> summaries(String where, MapSqlParameterSource params) {
    List<Found> found =
        jdbc.query(
            "select child_id, full_name, birth_date, sex, area_code from child_view where " + where,
            params,
            (rs, i) ->
                new Found(
                    rs.getObject("child_id", UUID.class),
                    rs.getString("full_name"),
                    rs.getString("birth_date"),
                    rs.getString("sex"),
                    rs.getString("area_code")));
    List<String> sealed = new ArrayList<>();
    found.forEach(
        f -> {
          sealed.add(f.name());
          sealed.add(f.birth());
        });
    List<String> opened = personal.openAll(sealed);
    List<ChildSummary> summaries = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      summaries.add(
          new ChildSummary(
              new ChildId(f.id()),
              opened.get(2 * i),
              parse(opened.get(2 * i + 1)),
              Sex.valueOf(f.sex()),
              AreaCode.of(f.area())));
    }
    summaries.sort(
        Comparator.comparing(
                ChildSummary::fullName, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(s -> s.childId().value()));
    return summaries;
  }

  private String open(ResultSet rs, String column) throws SQLException {
    return personal.open(rs.getString(column));
  }

  private static LocalDate parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
