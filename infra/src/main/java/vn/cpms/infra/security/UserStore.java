package vn.cpms.infra.security;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.cpms.kernel.area.AreaCode;

/** Users in {@code app_user}; passwords only as hashes of the delegating encoder (bcrypt). */
@Component
public class UserStore {
  private final NamedParameterJdbcTemplate jdbc;
  private final PasswordEncoder encoder;

  public UserStore(NamedParameterJdbcTemplate jdbc, PasswordEncoder encoder) {
    this.jdbc = jdbc;
    this.encoder = encoder;
  }

  /**
   * A user with its password hash, for sign-in, and its stamp: every change of the user moves it,
   * so that a credential verified or a session opened before the change is no longer valid.
   */
  public record Stored(UserAccount account, String passwordHash, long stamp) {}

  /**
   * The user's current stamp, if the user exists, is enabled and {@code source} (if given) is not
   * locked out for them ({@link LoginThrottle}): one indexed read per request.
   */
  public Optional<Long> activeStamp(String username, String source) {
    return jdbc
        .queryForList(
            "select stamp from app_user u where username = :u and enabled"
                + " and not exists (select 1 from login_throttle t where t.username = :u"
                + " and t.source = :s and t.locked_until > now())",
            new MapSqlParameterSource("u", username).addValue("s", source == null ? "" : source),
            Long.class)
        .stream()
        .findFirst();
  }

  public Optional<Stored> find(String username) {
    return jdbc
        .query(
            "select * from app_user where username = :u",
            new MapSqlParameterSource("u", username),
            (rs, i) ->
                new Stored(
                    new UserAccount(
                        rs.getString("username"),
                        rs.getString("display_name"),
                        split(rs.getString("roles")).stream()
                            .map(Role::valueOf)
                            .collect(Collectors.toSet()),
                        split(rs.getString("area_codes")).stream()
                            .map(AreaCode::of)
                            .collect(Collectors.toSet()),
                        rs.getBoolean("enabled"),
                        rs.getObject("provider_id", java.util.UUID.class)),
                    rs.getString("password_hash"),
                    rs.getLong("stamp")))
        .stream()
        .findFirst();
  }

  public List<UserAccount> all() {
    return jdbc
        .queryForList(
            "select username from app_user order by username",
            new MapSqlParameterSource(),
            String.class)
        .stream()
        .map(u -> find(u).orElseThrow().account())
        .toList();
  }

  /**
   * Creates or updates a user; {@code password} {@code null} keeps the current one.
   *
   * @return whether the user was created
   */
  public boolean save(UserAccount account, String password) {
    boolean exists = find(account.username()).isPresent();
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("u", account.username())
            .addValue("name", account.displayName())
            .addValue(
                "roles",
                account.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
            .addValue(
                "areas",
                account.areaCodes().stream()
                    .map(AreaCode::value)
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining(",")))
            .addValue("enabled", account.enabled())
            .addValue("provider", account.providerId(), java.sql.Types.OTHER);
    if (exists) {
      String setPassword = "";
      if (password != null) {
        setPassword = ", password_hash = :hash, failed_logins = 0, locked_until = null";
        params.addValue("hash", encoder.encode(password));
        // a new password set by an admin unlocks the account from every address
        jdbc.update("delete from login_throttle where username = :u", params);
      }
      jdbc.update(
          "update app_user set display_name = :name, roles = :roles, area_codes = :areas,"
              + " enabled = :enabled, provider_id = :provider, updated_at = now(),"
              + " stamp = stamp + 1"
              + setPassword
              + " where username = :u",
          params);
      return false;
    }
    params.addValue("hash", encoder.encode(password));
    jdbc.update(
        "insert into app_user (username, display_name, password_hash, roles, area_codes, enabled,"
            + " provider_id) values (:u, :name, :hash, :roles, :areas, :enabled, :provider)",
        params);
    return true;
  }

  /**
   * Sets a user's password only (its roles, areas and whether it is enabled stay as they are),
   * unlocks it and moves its stamp; whether the user exists.
   */
  public boolean setPassword(String username, String password) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("u", username).addValue("hash", encoder.encode(password));
    jdbc.update("delete from login_throttle where username = :u", params);
    return jdbc.update(
            "update app_user set password_hash = :hash, stamp = stamp + 1, updated_at = now()"
                + " where username = :u",
            params)
        == 1;
  }

  private static Set<String> split(String csv) {
    if (csv == null || csv.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(csv.split(",")).map(String::strip).collect(Collectors.toSet());
  }
}
