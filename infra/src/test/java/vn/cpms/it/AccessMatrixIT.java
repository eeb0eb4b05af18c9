package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access matrix, generated: every {@code /api} endpoint the application maps is called as every
 * role, on a resource inside the user's areas and on one outside them, and each answer is compared
 * with the rule below. An endpoint without a rule fails the test, so a new endpoint cannot ship
 * without an access decision. The matrix is written to {@code docs/security.md}, which must hold
 * the current one (run with {@code -Dsecurity.write-matrix=true} to refresh it).
 *
 * <p>Cells: {@code ✓} allowed (any answer but 401/403/404: an empty body gets its 4xx validation
 * answer), {@code 403} role not allowed, {@code 404} outside the user's areas (no existence leak),
 * {@code 401} no credentials.
 */
class AccessMatrixIT extends ApplicationIT {
  /**
   * The roles, each with areas in province 66; {@code ADMIN} is an admin of province 66 and {@code
   * NATIONAL_ADMIN} an ADMIN without areas, the one account that spans provinces (issue 16).
   */
  static final List<String> ROLES =
      List.of(
          "HOTLINE_OPERATOR",
          "CASE_WORKER",
          "SUPERVISOR",
          "STATISTICIAN",
          "ADMIN",
          "NATIONAL_ADMIN",
          "PROVIDER");

  /** How a resource outside the user's areas answers. */
  enum Outside {
    /** a child, case or contact of another area: 404 */
    HIDDEN,
    /** figures of another area asked for by parameter: 403 */
    DENIED,
    /** not tied to an area (or the area is checked in the body: 422, see AreaAccessIT) */
    SAME
  }

  record Rule(Set<String> roles, Outside outside) {}

  static Rule rule(Outside outside, String... roles) {
    return new Rule(Set.of(roles), outside);
  }

  static final String W = "CASE_WORKER";
  static final String S = "SUPERVISOR";
  static final String O = "HOTLINE_OPERATOR";
  static final String T = "STATISTICIAN";
  static final String A = "ADMIN";
  static final String N = "NATIONAL_ADMIN";

  /** A provider's user (issue 20): the referrals made to their provider, nothing else. */
  static final String P = "PROVIDER";

  static final java.util.UUID MATRIX_PROVIDER =
      java.util.UUID.fromString("00000000-0000-4000-8000-000000000066");

  /** The access decision for each endpoint. */
  static final Map<String, Rule> RULES = new TreeMap<>();

  static {
    RULES.put("GET /api/v1/codes/{list}", rule(Outside.SAME, O, W, S, T, A, P));
    RULES.put("GET /api/v1/areas", rule(Outside.SAME, O, W, S, T, A, P));
    RULES.put("PUT /api/v1/areas/{code}", rule(Outside.SAME, A));
    RULES.put("POST /api/v1/areas/{code}/succession", rule(Outside.SAME, A));
    RULES.put("GET /api/v1/users", rule(Outside.SAME, A));
    RULES.put("PUT /api/v1/users/{username}", rule(Outside.SAME, A));
    // operations and the audit trail span every province: a national admin's only
    RULES.put("GET /api/v1/admin/projections", rule(Outside.SAME, N));
    RULES.put("GET /api/v1/admin/projections/{name}", rule(Outside.SAME, N));
    RULES.put("POST /api/v1/admin/projections/{name}/rebuild", rule(Outside.SAME, N));
    RULES.put("GET /api/v1/admin/audit", rule(Outside.SAME, N));
    RULES.put("GET /api/v1/admin/dead-letters", rule(Outside.SAME, N));
    RULES.put("GET /api/v1/admin/keys", rule(Outside.SAME, N));
    RULES.put("POST /api/v1/admin/keys/rotation", rule(Outside.SAME, N));
    RULES.put(
        "POST /api/v1/admin/dead-letters/{projection}/{sequence}/retry", rule(Outside.SAME, N));
    RULES.put(
        "POST /api/v1/admin/dead-letters/{projection}/{sequence}/eviction", rule(Outside.SAME, N));
    RULES.put("POST /api/v1/contacts", rule(Outside.SAME, O, A));
    RULES.put("GET /api/v1/contacts", rule(Outside.SAME, O, S, A));
    // operators read every contact (the 111 line is national), supervisors their areas' only
    RULES.put("GET /api/v1/contacts/{id}", rule(Outside.HIDDEN, O, S, A));
    RULES.put("GET /api/v1/contacts/{id}/follow-up", rule(Outside.HIDDEN, O, S, A));
    RULES.put("POST /api/v1/contacts/{id}/escalation", rule(Outside.HIDDEN, O, A));
    RULES.put("POST /api/v1/contacts/{id}/closure", rule(Outside.HIDDEN, O, A));
    RULES.put("POST /api/v1/contacts/{id}/erasure", rule(Outside.HIDDEN, A));
    RULES.put("POST /api/v1/cases", rule(Outside.SAME, W, S, A));
    RULES.put("GET /api/v1/cases", rule(Outside.SAME, W, S, A));
    RULES.put("GET /api/v1/cases/{id}", rule(Outside.HIDDEN, W, S, A));
    RULES.put("GET /api/v1/cases/{id}/timeline", rule(Outside.HIDDEN, W, S, A));
    for (String step :
        List.of(
            "assignment",
            "initial-assessment",
            "assessment",
            "plan",
            "interventions/{interventionId}/completion",
            "transfer",
            "closure",
            "reopening")) {
      RULES.put("POST /api/v1/cases/{id}/" + step, rule(Outside.HIDDEN, W, S, A));
    }
    RULES.put("POST /api/v1/cases/{id}/plan/approval", rule(Outside.HIDDEN, S, A));
    RULES.put("POST /api/v1/cases/{id}/plan/return", rule(Outside.HIDDEN, S, A));
    // referrals (issue 20): an empty body is refused (422) before any area decision; a provider's
    // user (role PROVIDER) answers only their provider's referrals (ReferralIT)
    RULES.put("POST /api/v1/cases/{id}/referrals", rule(Outside.SAME, W, S, A));
    RULES.put("POST /api/v1/cases/{id}/notes", rule(Outside.HIDDEN, W, S, A));
    RULES.put("POST /api/v1/cases/reassignment", rule(Outside.SAME, S, A));
    RULES.put("GET /api/v1/inbox", rule(Outside.SAME, W, S, A));
    RULES.put("POST /api/v1/cases/{id}/abusers", rule(Outside.HIDDEN, W, S, A));
    RULES.put(
        "POST /api/v1/cases/{id}/abusers/{abuserId}/legal-outcome", rule(Outside.SAME, W, S, A));
    RULES.put("GET /api/v1/statistics/abusers", rule(Outside.SAME, T, S, A));
    RULES.put("GET /api/v1/alerts", rule(Outside.SAME, S, A));
    RULES.put("POST /api/v1/alerts/{id}/acknowledgement", rule(Outside.HIDDEN, S, A));
    RULES.put("GET /api/v1/cases/{id}/notes", rule(Outside.HIDDEN, W, S, A));
    RULES.put("GET /api/v1/cases/{id}/referrals", rule(Outside.HIDDEN, W, S, A));
    RULES.put(
        "POST /api/v1/cases/{id}/referrals/{referralId}/answer", rule(Outside.SAME, W, S, A, P));
    RULES.put(
        "POST /api/v1/cases/{id}/referrals/{referralId}/completion",
        rule(Outside.SAME, W, S, A, P));
    RULES.put("GET /api/v1/referrals", rule(Outside.SAME, P));
    RULES.put("GET /api/v1/providers", rule(Outside.SAME, W, S, A));
    RULES.put("PUT /api/v1/providers/{id}", rule(Outside.SAME, S, A));
    RULES.put("POST /api/v1/children", rule(Outside.SAME, W, S, A));
    RULES.put("GET /api/v1/children", rule(Outside.SAME, W, S, A));
    RULES.put("POST /api/v1/children/search", rule(Outside.SAME, W, S, A));
    RULES.put("GET /api/v1/children/{id}", rule(Outside.HIDDEN, W, S, A));
    RULES.put("POST /api/v1/children/{id}/special-circumstances", rule(Outside.HIDDEN, W, S, A));
    RULES.put(
        "POST /api/v1/children/{id}/special-circumstances/{group}/end",
        rule(Outside.HIDDEN, W, S, A));
    RULES.put("POST /api/v1/children/{id}/support", rule(Outside.HIDDEN, W, S, A));
    RULES.put("POST /api/v1/children/{id}/incidents", rule(Outside.HIDDEN, W, S, A));
    RULES.put("POST /api/v1/children/{id}/erasure", rule(Outside.HIDDEN, A));
    RULES.put("GET /api/v1/statistics/{measure}", rule(Outside.DENIED, T, S, A));
    RULES.put("GET /api/v1/indicators", rule(Outside.DENIED, T, S, A));
    RULES.put("GET /api/v1/reports/{plan}/{period}", rule(Outside.DENIED, T, S, A));
    RULES.put("GET /api/v1/plans", rule(Outside.SAME, T, S, A));
    RULES.put("GET /api/v1/plans/{plan}", rule(Outside.SAME, T, S, A));
    RULES.put("PUT /api/v1/population/{areaCode}/{year}", rule(Outside.DENIED, T, A));
    RULES.put("PUT /api/v1/figures/{areaCode}/{year}/{indicatorCode}", rule(Outside.DENIED, T, A));
    RULES.put(
        "PUT /api/v1/figures/{areaCode}/{year}/{planId}/{indicatorCode}",
        rule(Outside.DENIED, T, A));
    RULES.put("POST /api/v1/imports/{kind}", rule(Outside.SAME, T, A));
    RULES.put("POST /api/v1/reports/{plan}/{period}/submissions", rule(Outside.SAME, T, S, A));
    RULES.put("GET /api/v1/reports/{plan}/{period}/submissions", rule(Outside.DENIED, T, S, A));
    RULES.put(
        "GET /api/v1/reports/{plan}/{period}/submissions/{area}/{version}",
        rule(Outside.DENIED, T, S, A));
    RULES.put("GET /api/v1/report-calendar", rule(Outside.DENIED, T, S, A));
    RULES.put(
        "PUT /api/v1/child-friendly-communes/{communeCode}/{year}", rule(Outside.DENIED, T, A));
    RULES.put("GET /api/v1/child-friendly-communes", rule(Outside.DENIED, T, S, A));
    RULES.put("POST /api/v1/child-protection-fund/{areaCode}/entries", rule(Outside.DENIED, T, A));
    RULES.put("GET /api/v1/child-protection-fund/{areaCode}", rule(Outside.DENIED, T, S, A));
    RULES.put("GET /api/v1/imports/population/template", rule(Outside.DENIED, T, A));
    RULES.put("GET /api/v1/imports/figures/template", rule(Outside.DENIED, T, A));
  }

  /** The web pages' access decisions; {@code PUBLIC} pages need no sign-in. */
  static final Map<String, Rule> PAGES = new TreeMap<>();

  static final String PUBLIC = "PUBLIC";

  static {
    PAGES.put("GET /login", rule(Outside.SAME, PUBLIC, O, W, S, T, A));
    PAGES.put("POST /language", rule(Outside.SAME, PUBLIC, O, W, S, T, A));
    PAGES.put("GET /", rule(Outside.SAME, O, W, S, T, A, P));
    PAGES.put("GET /hotline", rule(Outside.SAME, O, A));
    PAGES.put("GET /admin/dead-letters", rule(Outside.SAME, N));
    PAGES.put("GET /admin", rule(Outside.SAME, A));
    PAGES.put("GET /admin/users", rule(Outside.SAME, A));
    PAGES.put("POST /admin/users", rule(Outside.SAME, A));
    PAGES.put("GET /admin/areas", rule(Outside.SAME, A));
    PAGES.put("POST /admin/areas", rule(Outside.SAME, A));
    PAGES.put("GET /admin/projections", rule(Outside.SAME, N));
    PAGES.put("POST /admin/projections/{name}/rebuild", rule(Outside.SAME, N));
    PAGES.put("GET /admin/audit", rule(Outside.SAME, N));
    PAGES.put("POST /admin/dead-letters/{projection}/{sequence}/retry", rule(Outside.SAME, N));
    PAGES.put("POST /admin/dead-letters/{projection}/{sequence}/eviction", rule(Outside.SAME, N));
    PAGES.put("POST /hotline/contacts", rule(Outside.SAME, O, A));
    PAGES.put("POST /hotline/contacts/quick", rule(Outside.SAME, O, A));
    PAGES.put("POST /hotline/search", rule(Outside.SAME, O, A));
    // operators work every contact; an admin with areas only those about their areas
    PAGES.put("GET /hotline/contacts/{id}", rule(Outside.HIDDEN, O, A));
    PAGES.put("POST /hotline/contacts/{id}/escalation", rule(Outside.HIDDEN, O, A));
    PAGES.put("POST /hotline/contacts/{id}/closure", rule(Outside.HIDDEN, O, A));
    PAGES.put("GET /cases", rule(Outside.SAME, W, S, A));
    PAGES.put("GET /cases/new", rule(Outside.SAME, W, S, A));
    PAGES.put("POST /cases", rule(Outside.SAME, W, S, A));
    PAGES.put("POST /cases/search", rule(Outside.SAME, W, S, A));
    PAGES.put("POST /cases/{id}/referrals", rule(Outside.SAME, W, S, A));
    PAGES.put("POST /cases/{id}/notes", rule(Outside.SAME, W, S, A));
    PAGES.put("POST /cases/{id}/referrals/{referral}/answer", rule(Outside.SAME, W, S, A));
    PAGES.put("POST /cases/{id}/referrals/{referral}/completion", rule(Outside.SAME, W, S, A));
    PAGES.put("POST /referrals/{id}/{referral}/answer", rule(Outside.SAME, P));
    PAGES.put("POST /referrals/{id}/{referral}/completion", rule(Outside.SAME, P));
    PAGES.put("GET /referrals", rule(Outside.SAME, P));
    PAGES.put("GET /providers", rule(Outside.SAME, W, S, A));
    PAGES.put("POST /providers", rule(Outside.SAME, S, A));
    PAGES.put("GET /cases/{id}", rule(Outside.HIDDEN, W, S, A));
    for (String step :
        List.of(
            "assignment",
            "initial-assessment",
            "assessment",
            "plan",
            "interventions/{interventionId}/completion",
            "transfer",
            "closure",
            "reopening")) {
      PAGES.put("POST /cases/{id}/" + step, rule(Outside.HIDDEN, W, S, A));
    }
    PAGES.put("POST /cases/{id}/plan/approval", rule(Outside.HIDDEN, S, A));
    PAGES.put("POST /cases/{id}/plan/return", rule(Outside.HIDDEN, S, A));
    PAGES.put("POST /children/search", rule(Outside.SAME, W, S, A));
    PAGES.put("GET /children/{id}", rule(Outside.HIDDEN, W, S, A));
    for (String step :
        List.of("special-circumstances", "special-circumstances/end", "support", "incidents")) {
      PAGES.put("POST /children/{id}/" + step, rule(Outside.HIDDEN, W, S, A));
    }
    PAGES.put("GET /supervision", rule(Outside.SAME, S, A));
    PAGES.put("POST /supervision/reassignment", rule(Outside.SAME, S, A));
    PAGES.put("GET /inbox", rule(Outside.SAME, W, S, A));
    PAGES.put("POST /supervision/alerts/{id}/acknowledgement", rule(Outside.HIDDEN, S, A));
    PAGES.put("GET /statistics", rule(Outside.SAME, T, S, A));
    PAGES.put("GET /statistics/explorer", rule(Outside.SAME, T, S, A));
    PAGES.put("GET /statistics/reports", rule(Outside.SAME, T, S, A));
    PAGES.put("GET /statistics/reports/download", rule(Outside.SAME, T, S, A));
    PAGES.put("POST /statistics/reports/submit", rule(Outside.SAME, T, S, A));
    PAGES.put("GET /statistics/reports/filed", rule(Outside.SAME, T, S, A));
    PAGES.put("GET /statistics/reports/submitted", rule(Outside.SAME, T, S, A));
    PAGES.put("GET /statistics/data", rule(Outside.SAME, T, A));
    PAGES.put("GET /statistics/data/figures", rule(Outside.SAME, T, A));
    PAGES.put("POST /statistics/data/figures", rule(Outside.SAME, T, A));
    PAGES.put("GET /statistics/data/template", rule(Outside.SAME, T, A));
    PAGES.put("POST /statistics/data/import", rule(Outside.SAME, T, A));
    PAGES.put("POST /statistics/data/population", rule(Outside.SAME, T, A));
    PAGES.put("POST /statistics/data/figure", rule(Outside.SAME, T, A));
    PAGES.put("GET /statistics/registers", rule(Outside.SAME, T, S, A));
    PAGES.put("POST /statistics/registers/child-friendly", rule(Outside.SAME, T, A));
    PAGES.put("POST /statistics/registers/fund", rule(Outside.SAME, T, A));
  }

  static {
    // whatever an admin may do, a national admin may do everywhere
    for (Map<String, Rule> rules : List.of(RULES, PAGES)) {
      rules.replaceAll(
          (endpoint, rule) -> {
            if (!rule.roles().contains(A)) {
              return rule;
            }
            Set<String> roles = new java.util.HashSet<>(rule.roles());
            roles.add(N);
            return new Rule(Set.copyOf(roles), rule.outside());
          });
    }
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /** Resources in the users' commune 66001 (province 66) and in 67001 (province 67). */
  record Fixture(
      String area,
      String caseId,
      String childId,
      String contactId,
      String spareChildId,
      String alertId) {}

  Fixture fixture(String province) {
    ApiClient admin = admin();
    String commune = province + "001";
    defineArea(province, "PROVINCE", null);
    defineArea(commune, "COMMUNE", province);
    String at = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(1).withNano(0).toString();
    ApiClient.Response created =
        admin.post(
            "/api/v1/cases",
            CaseApiIT.caseBody(null, "PHONE", "")
                .replace(CaseApiIT.RECENT, at)
                .replace("06652", commune));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    ApiClient.Response contact =
        admin.post(
            "/api/v1/contacts",
            "{\"receivedAt\":\"%s\",\"channel\":\"HOTLINE_111\",\"callerType\":\"CHILD\",\"category\":\"VIOLENCE\",\"areaCode\":\"%s\"}"
                .formatted(at, commune));
    assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
    ApiClient.Response spare =
        admin.post(
            "/api/v1/children",
            "{\"fullName\":\"Synthetic Spare\",\"ageYears\":5,\"sex\":\"MALE\",\"ethnicity\":\"01\",\"disability\":false,\"areaCode\":\"%s\"}"
                .formatted(commune));
    assertThat(spare.status()).as(spare.toString()).isEqualTo(201);
    ApiClient.Response submitted =
        admin.post(
            "/api/v1/reports/luong-minh-2026-2030/2026/submissions",
            "{\"area\":\"%s\",\"format\":\"csv\"}".formatted(commune));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    // a fatal incident raises a death alert for the area's supervisors (issue 20)
    java.util.UUID incident = java.util.UUID.randomUUID();
    ApiClient.Response fatal =
        admin.post(
            "/api/v1/children/" + created.json().get("childId").asText() + "/incidents",
            "{\"id\":\"%s\",\"type\":\"INJURY\",\"occurredOn\":\"%s\",\"areaCode\":\"%s\",\"injuryCause\":\"DROWNING\",\"fatal\":true}"
                .formatted(incident, at.substring(0, 10), commune));
    assertThat(fatal.status()).as(fatal.toString()).isIn(200, 201);
    Fixture f =
        new Fixture(
            commune,
            created.json().get("id").asText(),
            created.json().get("childId").asText(),
            contact.json().get("id").asText(),
            spare.json().get("id").asText(),
            vn.cpms.kernel.alerts.DeathAlerts.ofIncident(incident).toString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                admin.get("/api/v1/cases/" + f.caseId()).status() == 200
                    && admin.get("/api/v1/children/" + f.childId()).status() == 200
                    && admin.get("/api/v1/contacts/" + f.contactId()).status() == 200
                    && admin.get("/api/v1/children/" + f.spareChildId()).status() == 200
                    && admin
                        .get("/api/v1/alerts")
                        .json()
                        .findValuesAsText("alertId")
                        .contains(f.alertId())
                    && admin
                            .get(
                                "/api/v1/reports/luong-minh-2026-2030/2026/submissions/"
                                    + commune
                                    + "/latest")
                            .status()
                        == 200);
    return f;
  }

  static String url(String pattern, Fixture f) {
    String path =
        pattern
            .replace("{list}", "channel")
            .replace("{code}", f.area())
            .replace("{username}", "matrix.nobody")
            .replace("{name}", "areas")
            .replace("{projection}", "children")
            .replace("{name}", "areas")
            .replace("{sequence}", UUID.randomUUID().toString())
            .replace("{interventionId}", UUID.randomUUID().toString())
            .replace("{referralId}", UUID.randomUUID().toString())
            .replace("{abuserId}", UUID.randomUUID().toString())
            .replace("{referral}", UUID.randomUUID().toString())
            .replace("{group}", "SC01")
            .replace("{measure}", "cases-reported")
            .replace("{plan}", "luong-minh-2026-2030")
            .replace("{planId}", "luong-minh-2026-2030")
            .replace("{kind}", "population")
            .replace("{communeCode}", f.area())
            .replace("{area}", f.area())
            .replace("{version}", "latest")
            .replace("{period}", "2026")
            .replace("{areaCode}", f.area())
            .replace("{year}", "2026")
            .replace("{indicatorCode}", "CT1");
    if (pattern.startsWith("/api/v1/cases/{id}")) {
      path = path.replace("{id}", f.caseId());
    } else if (pattern.startsWith("/api/v1/children/{id}/erasure")) {
      path = path.replace("{id}", f.spareChildId()); // a child made to be erased
    } else if (pattern.startsWith("/api/v1/children/{id}")) {
      path = path.replace("{id}", f.childId());
    } else if (pattern.startsWith("/api/v1/contacts/{id}")) {
      path = path.replace("{id}", f.contactId());
    } else if (pattern.startsWith("/api/v1/alerts/{id}")) {
      path = path.replace("{id}", f.alertId());
    } else if (pattern.startsWith("/api/v1/providers/{id}")) {
      path = path.replace("{id}", UUID.randomUUID().toString());
    }
    if (pattern.equals("/api/v1/statistics/{measure}")
        || pattern.equals("/api/v1/indicators")
        || pattern.startsWith("/api/v1/reports/")) {
      path +=
          "?area="
              + f.area()
              + (pattern.equals("/api/v1/indicators") ? "&plan=luong-minh-2026-2030" : "");
    }
    if (pattern.equals("/api/v1/children")) {
      path += "?query=Synthetic";
    }
    if (pattern.equals("/api/v1/report-calendar")) {
      path += "?area=" + f.area() + "&year=2026";
    }
    if (pattern.equals("/api/v1/child-friendly-communes")) {
      path += "?area=" + f.area() + "&year=2026";
    }
    if (pattern.startsWith("/api/v1/imports/") && pattern.endsWith("/template")) {
      path += "?area=" + f.area() + "&year=2026&plan=luong-minh-2026-2030&format=csv";
    }
    return path;
  }

  static String pageUrl(String pattern, Fixture f) {
    String id =
        pattern.startsWith("/supervision/alerts/{id}")
            ? f.alertId()
            : pattern.startsWith("/cases/{id}") || pattern.startsWith("/referrals/{id}")
                ? f.caseId()
                : pattern.startsWith("/children/{id}")
                    ? f.childId()
                    : pattern.startsWith("/hotline/contacts/{id}") ? f.contactId() : "";
    String path =
        pattern
            .replace("{id}", id)
            .replace("{interventionId}", UUID.randomUUID().toString())
            .replace("{referralId}", UUID.randomUUID().toString())
            .replace("{referral}", UUID.randomUUID().toString())
            .replace("{projection}", "children")
            .replace("{name}", "areas")
            .replace("{sequence}", UUID.randomUUID().toString());
    if (pattern.equals("/children/search")) {
      path += "?query=Synthetic";
    }
    return path;
  }

  java.net.http.HttpResponse<String> callPage(
      FormSession session, String method, String pattern, Fixture f) {
    String url = pageUrl(pattern, f);
    return method.equals("GET") ? session.get(url) : session.post(url, "");
  }

  /** A redirect to the login form is {@code login}; 403/404 as in the API; anything else ✓. */
  static String pageCell(java.net.http.HttpResponse<String> answer) {
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() == 302 && location.contains("/login")) {
      return location.contains("logout") ? "✓" : "login";
    }
    return cell(answer.statusCode());
  }

  static String cell(int status) {
    return switch (status) {
      case 401, 403, 404 -> String.valueOf(status);
      default -> "✓";
    };
  }

  static String expected(Rule rule, String role, boolean inside) {
    if (!rule.roles().contains(role) && !rule.roles().contains(PUBLIC)) {
      return "403";
    }
    if (inside || role.equals(N) || role.equals(O)) {
      return "✓";
    }
    return switch (rule.outside()) {
      case HIDDEN -> "404";
      case DENIED -> "403";
      case SAME -> "✓";
    };
  }

  /**
   * A body that passes validation for the commands on a child or a case, so that the answer shows
   * the area decision (taken by the aggregate) rather than a 422 about the body; other commands get
   * an empty body.
   */
  static String body(String pattern, Fixture f) {
    String now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0).toString();
    String today = now.substring(0, 10);
    String step = pattern.substring(pattern.lastIndexOf("{id}") + 4);
    if (pattern.startsWith("/api/v1/cases/{id}")) {
      return switch (step) {
        case "/assignment" -> "{\"workerUsername\":\"matrix.case_worker\"}";
        case "/initial-assessment" ->
            "{\"assessedAt\":\"%s\",\"riskLevel\":\"LOW\"}".formatted(now);
        case "/assessment" ->
            "{\"assessedAt\":\"%s\",\"abuseConfirmed\":false,\"confirmedForms\":[]}".formatted(now);
        case "/plan" ->
            "{\"submittedAt\":\"%s\",\"goals\":\"g\",\"interventions\":[{\"type\":\"MEDICAL\",\"provider\":\"p\",\"dueOn\":\"2030-01-01\"}]}"
                .formatted(now);
        case "/plan/approval" -> "{\"approvedAt\":\"%s\"}".formatted(now);
        case "/abusers" ->
            "{\"relationship\":\"PARENT\",\"sex\":\"MALE\",\"ageGroup\":\"FROM_30_TO_49\",\"policeNotified\":true}";
        case "/notes" -> "{\"kind\":\"HOME_VISIT\",\"on\":\"%s\",\"text\":\"t\"}".formatted(today);
        case "/plan/return" -> "{\"returnedAt\":\"%s\",\"comment\":\"c\"}".formatted(now);
        case "/transfer" ->
            "{\"toAreaCode\":\"%s\",\"consentRecorded\":true,\"reason\":\"r\"}".formatted(f.area());
        case "/closure" -> "{\"closedOn\":\"%s\",\"reason\":\"SAFE\"}".formatted(today);
        case "/reopening" -> "{\"reopenedOn\":\"%s\",\"reason\":\"r\"}".formatted(today);
        default ->
            step.endsWith("/completion") && !step.startsWith("/referrals/")
                ? "{\"completedOn\":\"%s\",\"outcome\":\"o\"}".formatted(today)
                : "{}";
      };
    }
    if (pattern.startsWith("/api/v1/children/{id}")) {
      return switch (step) {
        case "/special-circumstances" ->
            "{\"group\":\"SC01\",\"identifiedOn\":\"%s\"}".formatted(today);
        case "/special-circumstances/{group}/end" ->
            "{\"endedOn\":\"%s\",\"reason\":\"r\"}".formatted(today);
        case "/support" -> "{\"kind\":\"CASH\",\"providedOn\":\"%s\"}".formatted(today);
        case "/incidents" ->
            "{\"type\":\"INJURY\",\"occurredOn\":\"%s\",\"areaCode\":\"%s\",\"injuryCause\":\"FALL\"}"
                .formatted(today, f.area());
        default -> "{}";
      };
    }
    // Commands on an area named in the path: a valid body, so the answer shows the area decision.
    return switch (pattern) {
      case "/api/v1/population/{areaCode}/{year}" ->
          "{\"rows\":[{\"sex\":\"FEMALE\",\"age\":0,\"count\":1}]}";
      case "/api/v1/child-friendly-communes/{communeCode}/{year}" -> "{\"childFriendly\":false}";
      case "/api/v1/child-protection-fund/{areaCode}/entries" ->
          "{\"kind\":\"CONTRIBUTION\",\"amountVnd\":1,\"on\":\"%s\",\"source\":\"s\"}"
              .formatted(today);
      default -> "{}";
    };
  }

  ApiClient.Response call(ApiClient api, String method, String pattern, Fixture f) {
    String url = url(pattern, f);
    return switch (method) {
      case "GET" -> api.get(url);
      case "POST" -> api.post(url, body(pattern, f));
      case "PUT" -> api.put(url, body(pattern, f));
      default -> throw new IllegalArgumentException(method);
    };
  }

  @Test
  void every_endpoint_answers_every_role_inside_and_outside_its_areas_as_the_rules_say()
      throws Exception {
    List<String> endpoints = new ArrayList<>();
    List<String> pages = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              boolean ui = handler.getBeanType().getPackageName().equals("vn.cpms.infra.ui");
              for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || ui) {
                  info.getMethodsCondition()
                      .getMethods()
                      .forEach(m -> (ui ? pages : endpoints).add(m.name() + " " + pattern));
                }
              }
            });
    endpoints.sort(null);
    pages.sort(null);
    assertThat(RULES.keySet())
        .as("every mapped endpoint has an access rule, and every rule an endpoint")
        .containsExactlyInAnyOrderElementsOf(endpoints);
    assertThat(PAGES.keySet())
        .as("every web page has an access rule, and every rule a page")
        .containsExactlyInAnyOrderElementsOf(pages);

    Fixture inside = fixture("66");
    Fixture outside = fixture("67");
    assertThat(
            admin()
                .put(
                    "/api/v1/providers/" + MATRIX_PROVIDER,
                    "{\"name\":\"Synthetic matrix station\",\"type\":\"HEALTH\",\"areaCodes\":[\"66001\"]}")
                .status())
        .isEqualTo(204);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                admin()
                    .get("/api/v1/providers")
                    .json()
                    .findValuesAsText("id")
                    .contains(MATRIX_PROVIDER.toString()));
    for (String role : ROLES) {
      if (role.equals(P)) {
        assertThat(
                admin()
                    .put(
                        "/api/v1/users/matrix.provider",
                        "{\"displayName\":\"Synthetic\",\"roles\":[\"PROVIDER\"],\"providerId\":\"%s\",\"password\":\"matrix-password\"}"
                            .formatted(MATRIX_PROVIDER))
                    .status())
            .isIn(200, 201);
        continue;
      }
      if (role.equals(N)) {
        assertThat(
                admin()
                    .put(
                        "/api/v1/users/matrix.national_admin",
                        "{\"displayName\":\"Synthetic\",\"roles\":[\"ADMIN\"],\"areaCodes\":[],"
                            + "\"password\":\"matrix-password\"}")
                    .status())
            .isIn(200, 201);
        continue;
      }
      defineUser(
          "matrix." + role.toLowerCase(),
          "matrix-password",
          role,
          role.equals("SUPERVISOR") || role.equals(A) ? "66" : "66001");
    }

    StringBuilder table = new StringBuilder();
    List<String> wrong = new ArrayList<>();
    Map<String, ApiClient> clients = new TreeMap<>();
    Map<String, FormSession> sessions = new TreeMap<>();
    for (String role : ROLES) {
      clients.put(role, new ApiClient(port, "matrix." + role.toLowerCase(), "matrix-password"));
      FormSession session = new FormSession(port);
      assertThat(session.signIn("matrix." + role.toLowerCase(), "matrix-password")).isTrue();
      sessions.put(role, session);
    }
    matrix(
        table,
        wrong,
        "endpoint",
        endpoints,
        RULES,
        rule -> "401",
        (role, method, pattern, f) ->
            cell(call(role == null ? anonymous() : clients.get(role), method, pattern, f).status()),
        inside,
        outside);
    table.append("\nWeb pages (form login; `login` = sent to the login form):\n\n");
    matrix(
        table,
        wrong,
        "page",
        pages,
        PAGES,
        rule -> rule.roles().contains(PUBLIC) ? "✓" : "login",
        (role, method, pattern, f) ->
            pageCell(
                callPage(
                    role == null ? new FormSession(port).visitor() : sessions.get(role),
                    method,
                    pattern,
                    f)),
        inside,
        outside);
    assertThat(wrong).as("cells that differ from the rules").isEmpty();

    Path doc = repositoryRoot().resolve("docs/security.md");
    String begin = "<!-- access-matrix:begin -->\n";
    String end = "<!-- access-matrix:end -->";
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    assertThat(from).as("docs/security.md has the matrix markers").isNotNegative();
    String current = text.substring(from + begin.length(), to);
    if (Boolean.getBoolean("security.write-matrix")) {
      Files.writeString(
          doc,
          text.substring(0, from + begin.length()) + table + text.substring(to),
          StandardCharsets.UTF_8);
    } else {
      assertThat(current)
          .as("docs/security.md holds the current matrix (-Dsecurity.write-matrix=true)")
          .isEqualTo(table.toString());
    }
  }

  /** The answer of one caller (a role; {@code null}: not signed in) as a matrix cell. */
  interface Caller {
    String cell(String role, String method, String pattern, Fixture fixture);
  }

  /**
   * Calls each endpoint as nobody and as every role, inside and outside the roles' areas, writes
   * one table row per endpoint and one line in {@code wrong} per cell its rule does not allow.
   */
  static void matrix(
      StringBuilder table,
      List<String> wrong,
      String heading,
      List<String> endpoints,
      Map<String, Rule> rules,
      java.util.function.Function<Rule, String> expectedAnonymous,
      Caller caller,
      Fixture inside,
      Fixture outside) {
    table.append("| ").append(heading).append(" | anonymous |");
    ROLES.forEach(r -> table.append(' ').append(r).append(" |"));
    table.append("\n|---|---|");
    ROLES.forEach(r -> table.append("---|"));
    table.append('\n');
    for (String endpoint : endpoints) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
      Rule rule = rules.get(endpoint);
      String anonymous = caller.cell(null, method, pattern, inside);
      if (!anonymous.equals(expectedAnonymous.apply(rule))) {
        wrong.add(
            "%s anonymous: %s (expected %s)"
                .formatted(endpoint, anonymous, expectedAnonymous.apply(rule)));
      }
      table.append("| `").append(endpoint).append("` | ").append(anonymous).append(" |");
      for (String role : ROLES) {
        String in = caller.cell(role, method, pattern, inside);
        String out = caller.cell(role, method, pattern, outside);
        if (!in.equals(expected(rule, role, true)) || !out.equals(expected(rule, role, false))) {
          wrong.add(
              "%s as %s: inside %s (expected %s), outside %s (expected %s)"
                  .formatted(
                      endpoint,
                      role,
                      in,
                      expected(rule, role, true),
                      out,
                      expected(rule, role, false)));
        }
        table.append(' ').append(in.equals(out) ? in : in + " / " + out).append(" |");
      }
      table.append('\n');
    }
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("docs/security.md"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root with docs/security.md").isNotNull();
    return dir;
  }
}
