package vn.cpms.query.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.statistics.MeasureQuery;
import vn.cpms.kernel.statistics.MeasureResult;

/**
 * The measures of STATISTICS.md (revision 2) over the case and child fact rows. Age scope: the
 * measures of children ({@code abused-children}, injuries, disasters, special circumstances) count
 * children under 16 at the reference date or of unknown age, {@code child-labourers} ages 5–17, and
 * the measures of cases and events ({@code cases-*}, the on-time shares, {@code child-marriages})
 * count every one whatever the age. Each measure is a SQL query that selects its qualifying facts
 * (period, {@code asOf}, area, age rule) with the same columns ({@code child_id, ref_date,
 * fact_key, area_code, sex, age, ethnicity, disability, multi, channel, num}); how they are counted
 * depends on the kind:
 *
 * <ul>
 *   <li>{@link Kind#FACTS}: every fact counts (cases, closures, marriages);
 *   <li>{@link Kind#CHILDREN}: distinct children; by a multi-valued dimension (form, injury cause,
 *       group) a child counts once in each value, by the others the child's first qualifying fact
 *       in the period decides;
 *   <li>{@link Kind#SHARE}: facts whose {@code num} is true, with all facts as denominator.
 * </ul>
 */
public final class FactMeasures {
  private FactMeasures() {}

  enum Kind {
    FACTS,
    CHILDREN,
    SHARE
  }

  static final String AGE_GROUP =
      "case when f.age is null then 'unknown' when f.age <= 5 then '0-5' when f.age <= 10 then"
          + " '6-10' when f.age <= 15 then '11-15' when f.age <= 17 then '16-17' else 'unknown'"
          + " end";

  /** Dimension → SQL over a fact row {@code f} (and {@code mv}, the multi-valued one). */
  static final Map<String, String> DIMENSIONS =
      Map.of(
          "sex", "f.sex",
          "ageGroup", AGE_GROUP,
          "ethnicity", "f.ethnicity",
          "disability", "case when f.disability then 'true' else 'false' end",
          "area", "f.area_code",
          "month", "to_char(f.ref_date, 'YYYY-MM')",
          "channel", "f.channel");

  /** Children under 16 at the fact's date, or of unknown age (STATISTICS.md, common rules). */
  static final String CHILD_AGE = "(age is null or age < 16)";

  static final String CASE_COLUMNS =
      "c.child_id, %s as ref_date, c.case_id::text as fact_key, c.area_code, c.sex, c.age,"
          + " c.ethnicity, c.disability, %s as multi, c.channel, %s as num";

  static final String INCIDENT_COLUMNS =
      "i.child_id, i.occurred_on as ref_date, i.incident_id::text as fact_key, i.area_code, i.sex,"
          + " i.age, i.ethnicity, i.disability, i.injury_cause as multi, null as channel,"
          + " true as num";

  static final String VN_DATE = "(%s at time zone 'Asia/Ho_Chi_Minh')::date";

  /**
   * A stock of children in special circumstances at the end of {@code to}, aged exactly at {@code
   * to} from the child's birth basis (revision 2), or, for a child whose registration is not in the
   * statistics, from the age kept in the circumstance's event.
   */
  static final String CIRCUMSTANCE_FACTS =
      "select ci.child_id, ci.identified_on as ref_date, ci.child_id::text || ':' || ci.sequence"
          + " as fact_key, ci.area_code, ch.sex,"
          + " extract(year from age(cast(:to as date), coalesce(bb.basis, ci.age_basis)))::int"
          + " as age, ch.ethnicity, ch.disability, ci.grp as multi, null as channel, %s as num"
          + " from stat_circumstance ci join stat_child ch on ch.child_id = ci.child_id"
          + " left join stat_birth_basis bb on bb.child_id = ci.child_id"
          + " where ci.identified_on <= :to and ci.recorded_at <= :asOf"
          + " and not (ci.ended_on is not null and ci.ended_on <= :to"
          + " and ci.ended_recorded_at <= :asOf)";

  static final String SUPPORTED_IN_PERIOD =
      "exists (select 1 from stat_support s where s.child_id = ci.child_id"
          + " and s.provided_on between :from and :to and s.recorded_at <= :asOf)";

  static final Set<String> PERSON = Set.of("sex", "ageGroup", "ethnicity", "disability", "area");

  static Set<String> with(Set<String> base, String... more) {
    java.util.HashSet<String> all = new java.util.HashSet<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  public static List<Measure> all(NamedParameterJdbcTemplate jdbc) {
    String caseBase =
        " from stat_case c where c.reported_on between :from and :to"
            + " and c.recorded_at <= :asOf";
    String incidentBase =
        " from stat_incident i where i.occurred_on between :from and :to"
            + " and i.recorded_at <= :asOf and i.type = '%s'";
    return List.of(
        new FactMeasure(
            jdbc,
            "cases-reported",
            Kind.FACTS,
            with(PERSON, "month", "channel", "form"),
            "form",
            "select "
                + CASE_COLUMNS.formatted("c.reported_on", "c.suspected_forms", "true")
                + caseBase),
        new FactMeasure(
            jdbc,
            "abused-children",
            Kind.CHILDREN,
            with(PERSON, "month", "form"),
            "form",
            "select "
                + CASE_COLUMNS.formatted("c.reported_on", "c.confirmed_forms", "true")
                + caseBase
                + " and "
                + age("c")
                + " and c.abuse_confirmed and c.assessed_recorded_at <= :asOf"),
        new FactMeasure(
            jdbc,
            "cases-closed",
            Kind.FACTS,
            with(PERSON, "month", "channel"),
            null,
            "select "
                + CASE_COLUMNS.formatted("s.on_date", "null", "true")
                + " from stat_case_status s join stat_case c on c.case_id = s.case_id"
                + " where s.closed and s.on_date between :from and :to"
                + " and s.recorded_at <= :asOf and c.recorded_at <= :asOf"),
        new FactMeasure(
            jdbc,
            "cases-open",
            Kind.FACTS,
            with(PERSON, "channel", "form"),
            "form",
            "select "
                + CASE_COLUMNS.formatted("c.reported_on", "c.suspected_forms", "true")
                + " from stat_case c where c.reported_on <= :to and c.recorded_at <= :asOf"
                + " and not coalesce((select s.closed from stat_case_status s"
                + " where s.case_id = c.case_id and s.on_date <= :to and s.recorded_at <= :asOf"
                + " order by s.on_date desc, s.sequence desc limit 1), false)"),
        new FactMeasure(
            jdbc,
            "initial-assessments-on-time",
            Kind.SHARE,
            with(PERSON, "month", "channel"),
            null,
            "select "
                + CASE_COLUMNS.formatted(
                    "c.reported_on",
                    "null",
                    "(c.initial_recorded_at <= :asOf"
                        + " and c.initial_assessed_at <= c.reported_at + interval '12 hours')")
                + caseBase
                + " and c.serious_danger"),
        new FactMeasure(
            jdbc,
            "plans-on-time",
            Kind.SHARE,
            with(PERSON, "month", "channel"),
            null,
            "select "
                + CASE_COLUMNS.formatted(
                    VN_DATE.formatted("c.initial_assessed_at"),
                    "null",
                    "coalesce(c.plan_recorded_at <= :asOf and c.plan_on_time, false)")
                + " from stat_case c where c.initial_assessed_at is not null"
                + " and c.initial_recorded_at <= :asOf and c.recorded_at <= :asOf"
                + " and "
                + VN_DATE.formatted("c.initial_assessed_at")
                + " between :from and :to"),
        new FactMeasure(
            jdbc,
            "injured-children",
            Kind.CHILDREN,
            with(PERSON, "month", "injuryCause"),
            "injuryCause",
            "select " + INCIDENT_COLUMNS + incidentBase.formatted("INJURY") + " and " + age("i")),
        new FactMeasure(
            jdbc,
            "injury-deaths",
            Kind.CHILDREN,
            with(PERSON, "month", "injuryCause"),
            "injuryCause",
            "select "
                + INCIDENT_COLUMNS
                + incidentBase.formatted("INJURY")
                + " and i.fatal and "
                + age("i")),
        new FactMeasure(
            jdbc,
            "child-marriages",
            Kind.FACTS,
            with(PERSON, "month"),
            null,
            "select " + INCIDENT_COLUMNS + incidentBase.formatted("CHILD_MARRIAGE")),
        new FactMeasure(
            jdbc,
            "child-labourers",
            Kind.CHILDREN,
            with(PERSON, "month"),
            null,
            "select "
                + INCIDENT_COLUMNS
                + incidentBase.formatted("CHILD_LABOUR")
                + " and (i.age is null or i.age between 5 and 17)"),
        new FactMeasure(
            jdbc,
            "disaster-affected-children",
            Kind.CHILDREN,
            with(PERSON, "month"),
            null,
            "select " + INCIDENT_COLUMNS + incidentBase.formatted("DISASTER") + " and " + age("i")),
        new FactMeasure(
            jdbc,
            "disaster-affected-supported",
            Kind.CHILDREN,
            with(PERSON, "month"),
            null,
            "select "
                + INCIDENT_COLUMNS
                + incidentBase.formatted("DISASTER")
                + " and "
                + age("i")
                + " and exists (select 1 from stat_support s where s.child_id = i.child_id"
                + " and s.provided_on between i.occurred_on and i.occurred_on + 30"
                + " and s.recorded_at <= :asOf)"),
        new FactMeasure(
            jdbc,
            "special-circumstance-children",
            Kind.CHILDREN,
            with(PERSON, "group"),
            "group",
            "select * from (" + CIRCUMSTANCE_FACTS.formatted("true") + ") sc where " + CHILD_AGE),
        new FactMeasure(
            jdbc,
            "special-circumstance-supported",
            Kind.CHILDREN,
            with(PERSON, "group"),
            "group",
            "select * from ("
                + CIRCUMSTANCE_FACTS.formatted("true")
                + " and "
                + SUPPORTED_IN_PERIOD
                + ") sc where "
                + CHILD_AGE));
  }

  private static String age(String alias) {
    return "(" + alias + ".age is null or " + alias + ".age < 16)";
  }

  /** One measure: its qualifying facts and how to count them. */
  record FactMeasure(
      NamedParameterJdbcTemplate jdbc,
      String name,
      Kind kind,
      Set<String> dimensions,
      String multiDimension,
      String facts)
      implements Measure {

    @Override
    public MeasureResult compute(MeasureQuery query) {
      MapSqlParameterSource params =
          new MapSqlParameterSource()
              .addValue("from", Date.valueOf(query.from()))
              .addValue("to", Date.valueOf(query.to()))
              .addValue("asOf", Timestamp.from(query.asOf()));
      String area = "";
      if (query.areas() != null) {
        if (query.areas().isEmpty()) {
          return new MeasureResult(0, kind == Kind.SHARE ? 0L : null, List.of());
        }
        area = " where f0.area_code in (:areas)";
        params.addValue("areas", query.areas().stream().map(AreaCode::value).toList());
      }
      String qualifying = "with f as (select * from (" + facts + ") f0" + area + ")";
      long total;
      Long denominator = null;
      switch (kind) {
        case CHILDREN ->
            total = count(qualifying + " select count(distinct child_id) from f", params);
        case SHARE -> {
          total = count(qualifying + " select count(*) from f where num", params);
          denominator = count(qualifying + " select count(*) from f", params);
        }
        default -> total = count(qualifying + " select count(*) from f", params);
      }
      List<MeasureResult.Row> rows =
          query.by().isEmpty() ? List.of() : rows(qualifying, params, query.by());
      return new MeasureResult(total, denominator, rows);
    }

    private List<MeasureResult.Row> rows(
        String qualifying, MapSqlParameterSource params, List<String> by) {
      boolean multi = multiDimension != null && by.contains(multiDimension);
      String source;
      if (multi) {
        source =
            qualifying
                + ", x as (select f.*, unnest(string_to_array(f.multi, ',')) as mv from f)"
                + (kind == Kind.CHILDREN
                    ? ", g as (select distinct on (child_id, mv) * from x"
                        + " order by child_id, mv, ref_date, fact_key)"
                    : ", g as (select * from x)");
      } else {
        source =
            qualifying
                + (kind == Kind.CHILDREN
                    ? ", g as (select distinct on (child_id) * from f"
                        + " order by child_id, ref_date, fact_key)"
                    : ", g as (select * from f)");
      }
      List<String> exprs =
          by.stream().map(d -> d.equals(multiDimension) ? "f.mv" : DIMENSIONS.get(d)).toList();
      String select = String.join(", ", exprs);
      String counts =
          kind == Kind.SHARE ? "count(*) filter (where f.num), count(*)" : "count(*), null";
      String sql =
          source
              + " select "
              + select
              + ", "
              + counts
              + " from g f group by "
              + select
              + " order by "
              + select;
      List<MeasureResult.Row> rows = new ArrayList<>();
      jdbc.query(
          sql,
          params,
          rs -> {
            Map<String, String> dims = new LinkedHashMap<>();
            for (int i = 0; i < by.size(); i++) {
              String value = rs.getString(i + 1);
              dims.put(by.get(i), value == null ? "unknown" : value);
            }
            long value = rs.getLong(by.size() + 1);
            Object denominator = rs.getObject(by.size() + 2);
            rows.add(
                new MeasureResult.Row(
                    dims, value, denominator == null ? null : ((Number) denominator).longValue()));
          });
      return rows;
    }

    private long count(String sql, MapSqlParameterSource params) {
      Long n = jdbc.queryForObject(sql, params, Long.class);
      return n == null ? 0 : n;
    }
  }
}
