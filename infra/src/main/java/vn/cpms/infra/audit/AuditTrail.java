package vn.cpms.infra.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail: every read of a child, case or contact and every command, through the API or the
 * web pages, with who, when, what id and from where, in {@code audit_entry} (apart from the
 * events). Paths are kept without their query string, which may hold a searched name.
 */
@Component
public class AuditTrail {
  /** {@code /api/v1/<type>[/<id>][/...]}. */
  static final Pattern API = Pattern.compile("^/api/v1/([a-z-]+)(?:/([^/]+))?(/.*)?$");

  static final java.util.Set<String> PERSONAL = java.util.Set.of("children", "cases", "contacts");

  /** Request attribute: the path the request is served on, as the audit classified it. */
  public static final String REQUEST_PATH = AuditTrail.class.getName() + ".path";

  /** Request attribute: a command of this request had its row written with its events. */
  public static final String RECORDED_WITH_EVENTS = AuditTrail.class.getName() + ".recorded";

  /** Request attribute: what the row of this request's command says beyond its name. */
  static final String DETAIL = AuditTrail.class.getName() + ".detail";

  /** Notes what the audit row of the current request's command says (an erasure's reason). */
  public static void detail(String detail) {
    if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
        instanceof org.springframework.web.context.request.ServletRequestAttributes current) {
      current.getRequest().setAttribute(DETAIL, detail);
    }
  }

  /** Downloads of figures (reports, filed reports): every export is kept. */
  static final Pattern EXPORTS =
      Pattern.compile("^(/api/v1/reports/.*|/statistics/reports/(download|filed|submitted).*)$");

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  public AuditTrail(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One audited request. */
  public record Entry(
      long id,
      Instant at,
      String username,
      String action,
      String method,
      String resourceType,
      String resourceId,
      String path,
      int status,
      String remoteAddr,
      String detail) {}

  /** What a request does to which resource, or {@code null} when it is not audited. */
  public record Target(String action, String type, String id) {}

  /** The web pages about cases, children and contacts: {@code /cases/<id>}, {@code /hotline/…}. */
  static final Pattern UI =
      Pattern.compile(
          "^/(cases|children|hotline/contacts|hotline|supervision)(?:/([^/]+))?(/.*)?$");

  /** The national admin's pages: {@code /admin/dead-letters/…}. */
  static final Pattern ADMIN_UI = Pattern.compile("^/admin/([^/]+)(/.*)?$");

  static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  static Target classify(String method, String path) {
    boolean read = "GET".equals(method) || "HEAD".equals(method);
    if ("OPTIONS".equals(method) || "TRACE".equals(method)) {
      return null; // reads nothing, changes nothing
    }
    if (read && EXPORTS.matcher(path).matches()) {
      return new Target("EXPORT", "reports", null);
    }
    Matcher admin = ADMIN_UI.matcher(path);
    if (admin.matches()) {
      // the admin pages show no personal data; what they change is audited like the API's
      return read ? null : new Target("COMMAND", admin.group(1), null);
    }
    Matcher ui = UI.matcher(path);
    if (ui.matches()) {
      String type =
          ui.group(1).startsWith("hotline")
              ? "contacts"
              : ui.group(1).equals("supervision") ? "cases" : ui.group(1);
      String id =
          ui.group(2) != null && UUID_TEXT.matcher(ui.group(2)).matches() ? ui.group(2) : null;
      return new Target(read ? "READ" : "COMMAND", type, id);
    }
    Matcher m = API.matcher(path);
    if (!m.matches()) {
      return null;
    }
    String type = m.group(1);
    String id = m.group(2);
    if ("admin".equals(type)) {
      // /api/v1/admin/<what>/...: the kind of administration is the resource
      type = id == null ? "admin" : id;
      id = null;
    }
    if (read) {
      return PERSONAL.contains(type) || "audit".equals(type) ? new Target("READ", type, id) : null;
    }
    if ("OPTIONS".equals(method)) {
      return null;
    }
    return new Target("COMMAND", type, id);
  }

  /** A read that the caller's role does not allow, of any resource. */
  static Target denied(String path) {
    Matcher m = API.matcher(path);
    return m.matches() ? new Target("READ", m.group(1), null) : null;
  }

  /**
   * Writes one row, in the caller's transaction if there is one. {@code detail} says what changed
   * where the path does not (a role granted, an erasure's reason); never personal data of a child.
   */
  public void record(
      String username,
      String method,
      String path,
      Target target,
      int status,
      String remote,
      String detail) {
    jdbc.update(
        "insert into audit_entry (at, username, action, method, resource_type, resource_id,"
            + " path, status, remote_addr, detail) values (:at, :user, :action, :method, :type,"
            + " :id, :path, :status, :remote, :detail)",
        new MapSqlParameterSource()
            .addValue("at", Timestamp.from(clock.instant()))
            .addValue("user", username)
            .addValue("action", target.action())
            .addValue("method", truncate(method, 10))
            .addValue("type", target.type())
            .addValue("id", truncate(target.id(), 100))
            .addValue("path", truncate(path, 300))
            .addValue("status", status)
            .addValue("remote", truncate(remote, 100))
            .addValue("detail", truncate(detail, 500)));
  }

  /** A sign-in, a failed one, a lock-out: not a request of a resource. */
  public void recordAccount(
      String username, String action, int status, String remote, String detail) {
    record(
        truncate(username, 100),
        "POST",
        "/login",
        new Target(action, "sign-in", null),
        status,
        remote,
        detail);
  }

  /** Newest first, filtered by user, resource id and time. */
  public List<Entry> find(
      String username, String resourceId, Instant from, Instant to, int page, int size) {
    return jdbc.query(
        "select * from audit_entry where " + where() + " order by id desc limit :size offset :off",
        params(username, resourceId, from, to)
            .addValue("size", size)
            .addValue("off", (long) page * size),
        (rs, n) ->
            new Entry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("username"),
                rs.getString("action"),
                rs.getString("method"),
                rs.getString("resource_type"),
                rs.getString("resource_id"),
                rs.getString("path"),
                rs.getInt("status"),
                rs.getString("remote_addr"),
                rs.getString("detail")));
  }

  public long count(String username, String resourceId, Instant from, Instant to) {
    Long n =
        jdbc.queryForObject(
            "select count(*) from audit_entry where " + where(),
            params(username, resourceId, from, to),
            Long.class);
    return n == null ? 0 : n;
  }

  private static String where() {
    return "(cast(:user as varchar) is null or username = :user)"
        + " and (cast(:rid as varchar) is null or resource_id = :rid)"
        + " and (cast(:from as timestamptz) is null or at >= :from)"
        + " and (cast(:to as timestamptz) is null or at <= :to)";
  }

  private static MapSqlParameterSource params(
      String username, String resourceId, Instant from, Instant to) {
    return new MapSqlParameterSource()
        .addValue("user", username, java.sql.Types.VARCHAR)
        .addValue("rid", resourceId, java.sql.Types.VARCHAR)
        .addValue("from", from == null ? null : Timestamp.from(from), java.sql.Types.TIMESTAMP)
        .addValue("to", to == null ? null : Timestamp.from(to), java.sql.Types.TIMESTAMP);
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
