package vn.cpms.it;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the end-to-end tests that share one running application (one Spring context, one embedded
 * PostgreSQL per test JVM): every subclass keeps exactly this configuration so that Spring's
 * context cache reuses it.
 */
// metrics are exported as in production (OperationsIT scrapes /actuator/prometheus)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(
    tracing = false)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cpms.embedded-postgres.data-dir=target/it-postgres",
      "cpms.embedded-postgres.ephemeral=true",
      "cpms.security.admin-password=" + ApplicationIT.ADMIN_PASSWORD,
      "cpms.hotline.caller-key-secret=it-caller-key-secret-0123456789",
      "cpms.privacy.master-key=it-privacy-master-key-0123456789",
      // the key KeyRotationIT rotates to and back from: known to the application as a previous one
      "cpms.privacy.previous-master-keys=" + ApplicationIT.ROTATION_KEY,
      // A read that follows a write gives up after 3 s instead of 10 (ConsistencyIT waits it out).
      "cpms.consistency.timeout=PT3S",
      // a rebuild whose replay stops moving is abandoned after 10 s (RebuildIT), not 30
      "cpms.rebuild.error-limit=PT10S",
      // the recurring key rotation and sealing would race KeyRotationIT, which rotates to another
      // key and checks the keys it wrapped: the tests run both themselves
      "cpms.privacy.rotation-interval=PT6H"
    })
public abstract class ApplicationIT {
  public static final String ADMIN_PASSWORD = "it-admin-secret";
  public static final String MASTER_KEY = "it-privacy-master-key-0123456789";

  /** 256 random bits in base64: a master key used as it is, without PBKDF2. */
  public static final String ROTATION_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";

  static {
    // Read models follow the events within milliseconds, but not instantly: while a test waits
    // for one, a 404 or a missing field means "not yet", not a failure.
    org.awaitility.Awaitility.ignoreExceptionsByDefault();
  }

  /** Workers the tests assign cases to: an assignment names a user who exists (issue 15). */
  static final java.util.List<String> WORKERS =
      java.util.List.of("worker.a", "worker.b", "worker.g1");

  private static volatile boolean workersDefined;

  @org.junit.jupiter.api.BeforeEach
  void defineWorkers() {
    if (workersDefined) {
      return;
    }
    defineCommunes(admin(), COMMUNES.toArray(String[]::new));
    for (String worker : WORKERS) {
      defineUser(worker, worker + "-password", "CASE_WORKER", "06");
    }
    workersDefined = true;
  }

  /** The communes the tests report in without defining them: the registry must know them. */
  static final java.util.List<String> COMMUNES =
      java.util.List.of(
          "06652", "06655", "77001", "77002", "93001", "93002", "61011", "61012", "63001", "01001");

  /**
   * Defines each commune (and its province, the code's first two digits) through {@code admin} and
   * waits until the area registry knows them all: a case is reported only in a known area.
   */
  static void defineCommunes(ApiClient admin, String... communes) {
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (String commune : communes) {
      String province = commune.substring(0, 2);
      admin.put(
          "/api/v1/areas/" + province,
          "{\"name\":\"Synthetic %s\",\"level\":\"PROVINCE\"}".formatted(province));
      admin.put(
          "/api/v1/areas/" + commune,
          "{\"name\":\"Synthetic %s\",\"level\":\"COMMUNE\",\"parentCode\":\"%s\"}"
              .formatted(commune, province));
      codes.add(commune);
    }
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> admin.get("/api/v1/areas").json().findValuesAsText("code").containsAll(codes));
  }

  @Autowired protected vn.cpms.query.privacy.PersonalText personal;

  /**
   * A row as text with its sealed values opened: a replay seals them anew (a fresh IV each time),
   * so it is what they hold that two rows must share (issue 17).
   */
  protected String opened(String row) {
    return java.util.regex.Pattern.compile("pt1:[0-9a-f-]{36}:[A-Za-z0-9+/=]+")
        .matcher(row)
        .replaceAll(
            m ->
                java.util.regex.Matcher.quoteReplacement(String.valueOf(personal.open(m.group()))));
  }

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected org.axonframework.config.EventProcessingConfiguration processing;

  protected ApiClient admin() {
    return new ApiClient(port, "admin", ADMIN_PASSWORD);
  }

  protected ApiClient anonymous() {
    return new ApiClient(port, null, null);
  }

  /** Defines an area as admin and waits until the area registry knows it. */
  protected void defineArea(String code, String level, String parentCode) {
    ApiClient admin = admin();
    ApiClient.Response r =
        admin.put(
            "/api/v1/areas/" + code,
            "{\"name\":\"Synthetic %s\",\"level\":\"%s\"%s}"
                .formatted(
                    code,
                    level,
                    parentCode == null ? "" : ",\"parentCode\":\"" + parentCode + "\""));
    org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isEqualTo(204);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> admin.get("/api/v1/areas").json().findValuesAsText("code").contains(code));
  }

  /** Creates or updates a user as admin. */
  protected void defineUser(String username, String password, String role, String areaCode) {
    ApiClient.Response r =
        admin()
            .put(
                "/api/v1/users/" + username,
                "{\"displayName\":\"Synthetic\",\"roles\":[\"%s\"],\"areaCodes\":[\"%s\"],\"password\":\"%s\"}"
                    .formatted(role, areaCode, password));
    org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isIn(200, 201);
  }

  /** Rebuilds the named projections from zero as admin and waits until none is replaying. */
  protected void rebuild(String... projections) {
    ApiClient admin = admin();
    for (String projection : projections) {
      ApiClient.Response r =
          admin.post("/api/v1/admin/projections/" + projection + "/rebuild", "{}");
      org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(120))
        .pollDelay(java.time.Duration.ofMillis(200))
        .until(
            () -> {
              for (String projection : projections) {
                com.fasterxml.jackson.databind.JsonNode p =
                    admin.get("/api/v1/admin/projections/" + projection).json();
                if (p.get("replaying").asBoolean() || p.get("rebuilding").asBoolean()) {
                  return false;
                }
              }
              return true;
            });
  }

  /** Whether every streaming processor is past {@code index}, none replaying nor in error. */
  protected boolean allProcessorsPassed(long index) {
    for (var processor : processing.eventProcessors().values()) {
      if (!(processor instanceof org.axonframework.eventhandling.StreamingEventProcessor p)) {
        continue;
      }
      if (p.isReplaying() || p.processingStatus().isEmpty()) {
        return false;
      }
      for (var status : p.processingStatus().values()) {
        if (status.isErrorState() || status.getCurrentPosition().orElse(-1) < index) {
          return false;
        }
      }
    }
    return true;
  }

  /** Waits until every processor has handled every event stored so far. */
  protected void awaitProjectionsCaughtUp() {
    Long head =
        jdbc.queryForObject(
            "select coalesce(max(globalindex), 0) from domainevententry", Long.class);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> allProcessorsPassed(head == null ? 0 : head));
  }

  /**
   * Events stored by the requests' commands: a legal clock running out and a child following its
   * case (a policy, moments after its case's event) happen in the background and are not counted.
   */
  protected long storedEvents() {
    Long count =
        jdbc.queryForObject(
            "select count(*) from domainevententry where payloadtype not like '%DeadlineMissedEvent'"
                + " and payloadtype not like '%ChildCaseFollowedEvent'",
            Long.class);
    return count == null ? 0 : count;
  }
}
