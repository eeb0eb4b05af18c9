package vn.cpms.query.referrals;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReferredEvent;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.CaseTransferredEvent;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.ReferralAcceptedEvent;
import vn.cpms.kernel.cases.ReferralCompletedEvent;
import vn.cpms.kernel.cases.ReferralDeclinedEvent;
import vn.cpms.kernel.referrals.FindProvidersQuery;
import vn.cpms.kernel.referrals.FindReferralsQuery;
import vn.cpms.kernel.referrals.ProviderDefinedEvent;
import vn.cpms.kernel.referrals.ProviderId;
import vn.cpms.kernel.referrals.ProviderType;
import vn.cpms.kernel.referrals.ProviderView;
import vn.cpms.kernel.referrals.ReferralStatus;
import vn.cpms.kernel.referrals.ReferralView;
import vn.cpms.query.privacy.PersonalText;

/**
 * The service directory ({@code provider}, {@code provider_area}) and the referrals made to it
 * ({@code referral}, with the case's current area in {@code referral_case}): a case page lists its
 * referrals, a provider's user the referrals made to them. A referral is overdue while it waits for
 * an answer past its due time, computed when read. Notes, reasons and outcomes are sealed with the
 * case's key. Every write is idempotent, so a replay changes nothing.
 */
@ProcessingGroup(ReferralsProjection.PROCESSING_GROUP)
public class ReferralsProjection implements vn.cpms.query.jdbc.ReadModel {
  public static final String PROCESSING_GROUP = "referrals";
  static final List<String> TABLES =
      List.of("provider", "provider_area", "referral", "referral_case");

  private final NamedParameterJdbcTemplate jdbc;
  private final PersonalText personal;
  private final Clock clock;

  public ReferralsProjection(NamedParameterJdbcTemplate jdbc, PersonalText personal, Clock clock) {
    this.jdbc = jdbc;
    this.personal = personal;
    this.clock = clock;
  }

  @Override
  public List<String> tables() {
    return TABLES;
  }

  @EventHandler
  void on(ProviderDefinedEvent e) {
    MapSqlParameterSource p =
        new MapSqlParameterSource("id", e.providerId().value())
            .addValue("name", e.name())
            .addValue("type", e.type().name())
            .addValue("contact", e.contactPoint());
    jdbc.update(
        "insert into provider (provider_id, name, type, contact_point) values (:id, :name, :type,"
            + " :contact) on conflict (provider_id) do update set name = excluded.name,"
            + " type = excluded.type, contact_point = excluded.contact_point",
        p);
    jdbc.update("delete from provider_area where provider_id = :id", p);
    for (AreaCode area : e.areaCodes()) {
      jdbc.update(
          "insert into provider_area (provider_id, area_code) values (:id, :area)",
          new MapSqlParameterSource("id", e.providerId().value()).addValue("area", area.value()));
    }
  }

  @EventHandler
  void on(CaseReportedEvent e) {
    jdbc.update(
        "insert into referral_case (case_id, area_code) values (:id, :area)"
            + " on conflict (case_id) do nothing",
        new MapSqlParameterSource("id", e.caseId().value()).addValue("area", e.areaCode().value()));
  }

  @EventHandler
  void on(CaseTransferredEvent e) {
    jdbc.update(
        "update referral_case set area_code = :area where case_id = :id",
        new MapSqlParameterSource("id", e.caseId().value())
            .addValue("area", e.toAreaCode().value()));
  }

  @EventHandler
  void on(CaseReferredEvent e, @MetaDataValue("username") String username) {
    jdbc.update(
        "insert into referral (referral_id, case_id, provider_id, service, status, referred_at,"
            + " referred_by, answer_due_at, note, intervention_id) values (:id, :caseId, :provider,"
            + " :service, 'SENT', :at, :by, :due, :note, :intervention)"
            + " on conflict (referral_id) do nothing",
        new MapSqlParameterSource("id", e.referralId())
            .addValue("caseId", e.caseId().value())
            .addValue("provider", e.providerId().value())
            .addValue("service", e.service().name())
            .addValue("at", Timestamp.from(e.referredAt()))
            .addValue("by", username)
            .addValue("due", Timestamp.from(e.answerDueAt()))
            .addValue("intervention", e.interventionId(), java.sql.Types.OTHER)
            .addValue(
                "note", personal.seal(e.caseId().value(), null, e.note()), java.sql.Types.VARCHAR));
  }

  @EventHandler
  void on(ReferralAcceptedEvent e) {
    answer(e.referralId(), ReferralStatus.ACCEPTED, e.answeredAt(), e.answeredBy(), null);
  }

  @EventHandler
  void on(ReferralDeclinedEvent e) {
    answer(
        e.referralId(),
        ReferralStatus.DECLINED,
        e.answeredAt(),
        e.answeredBy(),
        personal.seal(e.caseId().value(), null, e.reason()));
  }

  private void answer(UUID id, ReferralStatus status, Instant at, String by, String reason) {
    jdbc.update(
        "update referral set status = :status, answered_at = :at, answered_by = :by,"
            + " decline_reason = :reason where referral_id = :id and status = 'SENT'",
        new MapSqlParameterSource("id", id)
            .addValue("status", status.name())
            .addValue("at", Timestamp.from(at))
            .addValue("by", by)
            .addValue("reason", reason, java.sql.Types.VARCHAR));
  }

  @EventHandler
  void on(ReferralCompletedEvent e) {
    jdbc.update(
        "update referral set status = 'DONE', completed_on = :on, outcome = :outcome"
            + " where referral_id = :id and status = 'ACCEPTED'",
        new MapSqlParameterSource("id", e.referralId())
            .addValue("on", Date.valueOf(e.completedOn()))
            .addValue(
                "outcome",
                personal.seal(e.caseId().value(), null, e.outcome()),
                java.sql.Types.VARCHAR));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }

  @QueryHandler
  public List<ProviderView> handle(FindProvidersQuery query) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    String where = "";
    if (query.areas() != null) {
      if (query.areas().isEmpty()) {
        return List.of();
      }
      where =
          " where p.provider_id in (select provider_id from provider_area where area_code in"
              + " (:areas))";
      p.addValue("areas", query.areas().stream().map(AreaCode::value).toList());
    }
    List<ProviderView> found = new ArrayList<>();
    jdbc.query(
        "select p.*, array(select area_code from provider_area a where a.provider_id ="
            + " p.provider_id order by area_code) as areas from provider p"
            + where
            + " order by p.name, p.provider_id",
        p,
        rs -> {
          List<AreaCode> areas = new ArrayList<>();
          for (String code : (String[]) rs.getArray("areas").getArray()) {
            areas.add(AreaCode.of(code));
          }
          found.add(
              new ProviderView(
                  new ProviderId(rs.getObject("provider_id", UUID.class)),
                  rs.getString("name"),
                  ProviderType.valueOf(rs.getString("type")),
                  areas,
                  rs.getString("contact_point")));
        });
    return found;
  }

  @QueryHandler
  public List<ReferralView> handle(vn.cpms.kernel.referrals.FindCaseReferralsQuery query) {
    if (query.caseIds().isEmpty()) {
      return List.of();
    }
    return find(
        "r.case_id in (:ids)",
        new MapSqlParameterSource("ids", query.caseIds().stream().map(CaseId::value).toList()));
  }

  @QueryHandler
  public List<ReferralView> handle(FindReferralsQuery query) {
    MapSqlParameterSource p = new MapSqlParameterSource();
    String where;
    if (query.caseId() != null) {
      where = "r.case_id = :caseId";
      p.addValue("caseId", query.caseId().value());
    } else {
      where = "r.provider_id = :provider";
      p.addValue("provider", query.providerId().value());
    }
    return find(where, p);
  }

  private List<ReferralView> find(String where, MapSqlParameterSource p) {
    p.addValue("now", Timestamp.from(clock.instant()));
    List<Row> rows =
        jdbc.query(
            "select r.*, p.name as provider_name, c.area_code,"
                + " (r.status = 'SENT' and r.answer_due_at < :now) as overdue"
                + " from referral r join provider p on p.provider_id = r.provider_id"
                + " left join referral_case c on c.case_id = r.case_id where "
                + where
                + " order by r.referred_at desc, r.referral_id",
            p,
            ReferralsProjection::row);
    List<String> sealed = new ArrayList<>();
    rows.forEach(
        r -> {
          sealed.add(r.note());
          sealed.add(r.reason());
          sealed.add(r.outcome());
        });
    List<String> opened = personal.openAll(sealed);
    List<ReferralView> views = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      views.add(
          new ReferralView(
              r.caseId(),
              r.referralId(),
              r.providerId(),
              r.providerName(),
              r.service(),
              r.status(),
              r.referredAt(),
              r.referredBy(),
              r.answerDueAt(),
              r.answeredAt(),
              r.answeredBy(),
              opened.get(3 * i + 1),
              r.completedOn(),
              opened.get(3 * i + 2),
              opened.get(3 * i),
              r.overdue(),
              r.areaCode(),
              r.interventionId()));
    }
    return views;
  }

  /** A referral's row before its sealed texts are opened. */
  private record Row(
      CaseId caseId,
      UUID referralId,
      ProviderId providerId,
      String providerName,
      InterventionType service,
      ReferralStatus status,
      Instant referredAt,
      String referredBy,
      Instant answerDueAt,
      Instant answeredAt,
      String answeredBy,
      String reason,
      java.time.LocalDate completedOn,
      String outcome,
      String note,
      boolean overdue,
      AreaCode areaCode,
      UUID interventionId) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    Timestamp answered = rs.getTimestamp("answered_at");
    Date completed = rs.getDate("completed_on");
    String area = rs.getString("area_code");
    return new Row(
        new CaseId(rs.getObject("case_id", UUID.class)),
        rs.getObject("referral_id", UUID.class),
        new ProviderId(rs.getObject("provider_id", UUID.class)),
        rs.getString("provider_name"),
        InterventionType.valueOf(rs.getString("service")),
        ReferralStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("referred_at").toInstant(),
        rs.getString("referred_by"),
        rs.getTimestamp("answer_due_at").toInstant(),
        answered == null ? null : answered.toInstant(),
        rs.getString("answered_by"),
        rs.getString("decline_reason"),
        completed == null ? null : completed.toLocalDate(),
        rs.getString("outcome"),
        rs.getString("note"),
        rs.getBoolean("overdue"),
        area == null ? null : AreaCode.of(area),
        rs.getObject("intervention_id", UUID.class));
  }
}
