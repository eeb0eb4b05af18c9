package vn.cpms.query.hotline;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.children.ChildIdentityErasedEvent;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.contacts.CallerContactCount;
import vn.cpms.kernel.contacts.CallerType;
import vn.cpms.kernel.contacts.ContactClosedEvent;
import vn.cpms.kernel.contacts.ContactEscalatedEvent;
import vn.cpms.kernel.contacts.ContactId;
import vn.cpms.kernel.contacts.ContactOutcome;
import vn.cpms.kernel.contacts.ContactPage;
import vn.cpms.kernel.contacts.ContactReceivedEvent;
import vn.cpms.kernel.contacts.ContactView;
import vn.cpms.kernel.contacts.CountCallerContactsQuery;
import vn.cpms.kernel.contacts.FindCallerContactsQuery;
import vn.cpms.kernel.contacts.FindContactQuery;
import vn.cpms.kernel.contacts.FindContactsQuery;
import vn.cpms.query.jdbc.BatchedWrites;
import vn.cpms.query.jdbc.ProjectionWrites;
import vn.cpms.query.privacy.PersonalText;

/** The hotline's list of contacts ({@code contact}) and the repeat-caller count. */
@ProcessingGroup(HotlineProjection.PROCESSING_GROUP)
public class HotlineProjection implements vn.cpms.query.jdbc.ReadModel {
  /** The tables this projection fills and its reset empties. */
  static final List<String> TABLES = List.of("contact");

  @Override
  public List<String> tables() {
    return TABLES;
  }

  public static final String PROCESSING_GROUP = "hotline";

  private final NamedParameterJdbcTemplate jdbc;
  private final BatchedWrites writes;
  private final PersonalText personal;

  public HotlineProjection(
      NamedParameterJdbcTemplate jdbc, PersonalText personal, ProjectionWrites projectionWrites) {
    this.jdbc = jdbc;
    this.personal = personal;
    this.writes = projectionWrites.of(PROCESSING_GROUP);
  }

  @EventHandler
  void on(ContactReceivedEvent e) {
    writes.update(
        e.contactId(),
        "insert into contact (contact_id, received_at, received_on, channel, caller_type,"
            + " category, subcategory, area_code, duration_seconds, child_sex, child_age_years,"
            + " summary, caller_key) values (:id, :at, :on, :channel, :callerType, :category,"
            + " :subcategory, :area, :duration, :sex, :age, :summary, :key)"
            + " on conflict (contact_id) do nothing",
        new MapSqlParameterSource()
            .addValue("id", e.contactId().value())
            .addValue("at", Timestamp.from(e.receivedAt()))
            .addValue("on", Date.valueOf(VietnamTime.dateOf(e.receivedAt())))
            .addValue("channel", e.channel().name())
            .addValue("callerType", e.callerType().name())
            .addValue("category", e.category())
            .addValue("subcategory", e.subcategory())
            .addValue("area", e.areaCode() == null ? null : e.areaCode().value())
            .addValue("duration", e.durationSeconds())
            .addValue("sex", e.childSex() == null ? null : e.childSex().name())
            .addValue("age", e.childAgeYears())
            // sealed with the contact's key (issue 17)
            .addValue("summary", personal.seal(e.contactId().value(), null, e.summary()))
            .addValue("key", e.callerKey()));
  }

  @EventHandler
  void on(ContactEscalatedEvent e) {
    writes.update(
        e.contactId(),
        "update contact set case_id = :case, child_id = :child where contact_id = :id",
        new MapSqlParameterSource()
            .addValue("case", e.caseId().value())
            .addValue("child", e.childId().value())
            .addValue("id", e.contactId().value()));
  }

  /** The summary of a call about an erased child is erased with it. */
  @EventHandler
  void on(ChildIdentityErasedEvent e) {
    writes.updateAll(
        "update contact set summary = null where child_id = :child",
        new MapSqlParameterSource("child", e.childId().value()));
  }

  /** The summary alone was erased: its key is gone, the sealed copy is cleared too. */
  @EventHandler
  void on(vn.cpms.kernel.contacts.ContactSummaryErasedEvent e) {
    writes.update(
        e.contactId(),
        "update contact set summary = null where contact_id = :id",
        new MapSqlParameterSource("id", e.contactId().value()));
  }

  @EventHandler
  void on(ContactClosedEvent e) {
    writes.update(
        e.contactId(),
        "update contact set outcome = :outcome where contact_id = :id",
        new MapSqlParameterSource()
            .addValue("outcome", e.outcome().name())
            .addValue("id", e.contactId().value()));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("truncate " + String.join(", ", TABLES));
  }

  @QueryHandler
  public Optional<ContactView> handle(FindContactQuery query) {
    return jdbc
        .query(
            "select * from contact where contact_id = :id",
            Map.of("id", query.contactId().value()),
            HotlineProjection::row)
        .stream()
        .findFirst()
        .map(v -> opened(List.of(v)).get(0));
  }

  @QueryHandler
  public ContactPage handle(FindContactsQuery query) {
    StringBuilder where = new StringBuilder(" where true");
    MapSqlParameterSource params = new MapSqlParameterSource();
    if (query.from() != null) {
      where.append(" and received_on >= :from");
      params.addValue("from", Date.valueOf(query.from()));
    }
    if (query.to() != null) {
      where.append(" and received_on <= :to");
      params.addValue("to", Date.valueOf(query.to()));
    }
    if (query.category() != null) {
      where.append(" and category = :category");
      params.addValue("category", query.category());
    }
    if (query.areas() != null) {
      where.append(" and (area_code in (:areas)");
      where.append(query.includeUnassigned() ? " or area_code is null)" : ")");
      params.addValue(
          "areas",
          query.areas().isEmpty()
              ? List.of("-")
              : query.areas().stream().map(vn.cpms.kernel.area.AreaCode::value).toList());
    } else if (!query.includeUnassigned()) {
      where.append(" and area_code is not null");
    }
    Long total = jdbc.queryForObject("select count(*) from contact" + where, params, Long.class);
    params.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
    List<ContactView> items =
        jdbc.query(
            "select * from contact"
                + where
                + " order by received_at desc, contact_id limit :limit offset :offset",
            params,
            HotlineProjection::row);
    return new ContactPage(opened(items), query.page(), query.size(), total == null ? 0 : total);
  }

  @QueryHandler
  public CallerContactCount handle(CountCallerContactsQuery query) {
    Long count =
        jdbc.queryForObject(
            // "<=": a call-back typed in the same minute as the first call is a repeat (issue 19)
            "select count(*) from contact where caller_key = :key"
                + " and received_at >= :from and received_at <= :to and contact_id <> :except",
            new MapSqlParameterSource()
                .addValue("key", query.callerKey())
                .addValue("from", Timestamp.from(query.from()))
                .addValue("to", Timestamp.from(query.to()))
                .addValue("except", query.except().value()),
            Long.class);
    return new CallerContactCount(count == null ? 0 : count);
  }

  @QueryHandler
  public ContactPage handle(FindCallerContactsQuery query) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("limit", query.limit())
            .addValue(
                "since",
                query.since() == null ? null : Timestamp.from(query.since()),
                Types.TIMESTAMP);
    String caller;
    if (query.sameCallerAs() != null) {
      caller =
          "caller_key = (select caller_key from contact where contact_id = :self)"
              + " and contact_id <> :self";
      params.addValue("self", query.sameCallerAs().value());
    } else {
      caller = "caller_key = :key";
      params.addValue("key", query.callerKey());
    }
    List<ContactView> items =
        jdbc.query(
            "select * from contact where "
                + caller
                + " and (cast(:since as timestamptz) is null or received_at >= :since)"
                + " order by received_at desc, contact_id limit :limit",
            params,
            HotlineProjection::row);
    return new ContactPage(opened(items), 0, query.limit(), items.size());
  }

  /** The contacts with their summaries opened, the keys of all in one round trip. */
  private List<ContactView> opened(List<ContactView> sealed) {
    List<String> summaries = personal.openAll(sealed.stream().map(ContactView::summary).toList());
    List<ContactView> opened = new java.util.ArrayList<>(sealed.size());
    for (int i = 0; i < sealed.size(); i++) {
      ContactView c = sealed.get(i);
      opened.add(
          new ContactView(
              c.contactId(),
              c.receivedAt(),
              c.channel(),
              c.callerType(),
              c.category(),
              c.subcategory(),
              c.areaCode(),
              c.durationSeconds(),
              c.childSex(),
              c.childAgeYears(),
              summaries.get(i),
              c.outcome(),
              c.caseId()));
    }
    return opened;
  }

  /** A contact as stored: its summary still sealed. */
  private static ContactView row(ResultSet rs, int i) throws SQLException {
    String area = rs.getString("area_code");
    String sex = rs.getString("child_sex");
    String outcome = rs.getString("outcome");
    UUID caseId = rs.getObject("case_id", UUID.class);
    return new ContactView(
        new ContactId(rs.getObject("contact_id", UUID.class)),
        rs.getTimestamp("received_at").toInstant(),
        Channel.valueOf(rs.getString("channel")),
        CallerType.valueOf(rs.getString("caller_type")),
        rs.getString("category"),
        rs.getString("subcategory"),
        area == null ? null : AreaCode.of(area),
        (Integer) rs.getObject("duration_seconds"),
        sex == null ? null : Sex.valueOf(sex),
        (Integer) rs.getObject("child_age_years"),
        rs.getString("summary"),
        outcome == null ? null : ContactOutcome.valueOf(outcome),
        caseId == null ? null : new CaseId(caseId));
  }
}
