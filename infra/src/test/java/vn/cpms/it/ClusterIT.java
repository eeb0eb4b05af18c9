package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 18: three application processes on one PostgreSQL, as a province runs it. Clients spread
 * their reports over the three; one node is killed with {@code kill -9} under load and another is
 * stopped gracefully. Every report answered 2xx is stored once and projected, the dead node's
 * segments are taken over within the claim timeout, and the caches that must not outlive a change
 * (an erased child's keys, a changed password) follow it on every node at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  static final String AREA = "95001";

  final Path root = Path.of("target", "cluster-it", UUID.randomUUID().toString()).toAbsolutePath();
  final AppProcess apps = new AppProcess(root);
  EmbeddedPostgres database;
  String url;
  final int[] ports = new int[3];
  final Process[] nodes = new Process[3];

  @BeforeAll
  void startThreeNodesOnOneDatabase() throws Exception {
    int dbPort = AppProcess.freePort();
    database =
        EmbeddedPostgres.builder()
            .setDataDirectory(root.resolve("postgres"))
            .setCleanDataDirectory(true)
            .setPort(dbPort)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("timezone", "UTC")
            .setServerConfig("max_connections", "200")
            .start();
    url = "jdbc:postgresql://localhost:" + dbPort + "/postgres";
    // the first node creates the schema alone; the two others start side by side after it
    ports[0] = AppProcess.freePort();
    nodes[0] = start(0);
    ports[1] = AppProcess.freePort();
    ports[2] = AppProcess.freePort();
    CompletableFuture<Process> second = CompletableFuture.supplyAsync(() -> startQuietly(1));
    nodes[2] = start(2);
    nodes[1] = second.get(180, TimeUnit.SECONDS);
    ApplicationIT.defineCommunes(api(0), AREA);
  }

  @Test
  @Order(0)
  void the_segments_spread_over_the_nodes() throws Exception {
    // every processor of two segments ends up with its segments on two nodes (SegmentBalancer)
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                count(
                        "select count(*) from (select processorname from tokenentry"
                            + " group by processorname having count(distinct owner) >= 2) x")
                    == count(
                        "select count(*) from (select processorname from tokenentry"
                            + " group by processorname having count(*) >= 2) x"));
    assertThat(count("select count(distinct owner) from tokenentry")).isGreaterThanOrEqualTo(2);
  }

  private Process start(int node) throws Exception {
    return apps.start(
        ports[node],
        "node-" + node,
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.hikari.maximum-pool-size=20",
        "--spring.datasource.hikari.connection-timeout=5000");
  }

  private Process startQuietly(int node) {
    try {
      return start(node);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  ApiClient api(int node) {
    return new ApiClient(ports[node], "admin", AppProcess.PASSWORD);
  }

  @AfterAll
  void stopEverything() throws Exception {
    apps.stopAll();
    if (database != null) {
      database.close();
    }
  }

  @Test
  @Order(1)
  void every_acknowledged_report_is_stored_once_and_projected_while_nodes_die() throws Exception {
    Map<UUID, Integer> outcomes = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger sent = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(6);
    for (int t = 0; t < 6; t++) {
      clients.submit(
          () -> {
            while (!stop.get()) {
              int node = sent.getAndIncrement() % 3;
              UUID id = UUID.randomUUID();
              outcomes.put(id, 0);
              try {
                outcomes.put(
                    id, api(node).post("/api/v1/cases", FaultIT.report(id, AREA)).status());
              } catch (RuntimeException e) {
                outcomes.put(id, -1); // the node is gone
              }
            }
          });
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> created(outcomes) >= 60);
    // the first node claimed the projections' segments; it dies under load
    long killedPid = nodes[0].pid();
    assertThat(segmentsOwnedBy(killedPid)).isPositive();
    AppProcess.kill9(nodes[0]);
    long killedAt = System.nanoTime();
    await().atMost(Duration.ofSeconds(90)).until(() -> created(outcomes) >= 120);
    // the dead node's segments are claimed by the survivors within the claim timeout (10 s)
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> segmentsOwnedBy(killedPid) == 0 && unclaimedSegments() == 0);
    long takeover = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt);
    System.out.printf("ClusterIT: segments taken over %d s after kill -9%n", takeover);

    nodes[1].destroy(); // SIGTERM: a graceful stop under load, its segments released
    assertThat(nodes[1].waitFor(60, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(60)).until(() -> created(outcomes) >= 160);
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    List<UUID> acknowledged = new ArrayList<>();
    outcomes.forEach(
        (id, status) -> {
          if (status >= 200 && status < 300) {
            acknowledged.add(id);
          }
        });
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(160);
    Map<String, Integer> stored = reportsStored();
    for (UUID id : acknowledged) {
      assertThat(stored.get(id.toString())).as("case %s stored once", id).isEqualTo(1);
    }
    assertThat(stored.values()).allMatch(n -> n == 1);
    assertThat(segmentsOwnedBy(nodes[1].pid())).isZero();
    ApiClient survivor = api(2);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                acknowledged.stream()
                    .allMatch(id -> survivor.get("/api/v1/cases/" + id).status() == 200));
  }

  @Test
  @Order(2)
  void an_erasure_and_a_password_change_on_one_node_hold_on_another_at_once() throws Exception {
    // two live nodes again: the one that survived and a new one in place of the killed one
    ports[0] = AppProcess.freePort();
    nodes[0] = start(0);
    ApiClient a = api(2);
    ApiClient b = api(0);

    UUID child = UUID.randomUUID();
    ApiClient.Response registered =
        a.post(
            "/api/v1/children",
            ChildApiIT.child(child, "Cụm Máy Chủ").replace("\"06652\"", "\"" + AREA + "\""));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String path = "/api/v1/children/" + child;
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> b.get(path), r -> r.status() == 200 && "Cụm Máy Chủ".equals(name(r)));
    assertThat(a.post(path + "/erasure", "{\"reason\":\"ClusterIT\"}").status()).isIn(200, 204);
    // B has the child's key in its cache: the erasure's notice makes it forget it at once
    await()
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> name(b.get(path)) == null);

    ApiClient.Response user =
        a.put(
            "/api/v1/users/cluster.worker",
            """
            {"displayName":"Synthetic","roles":["CASE_WORKER"],"areaCodes":["%s"],
             "password":"first-password-18"}
            """
                .formatted(AREA));
    assertThat(user.status()).as(user.toString()).isIn(200, 201);
    ApiClient onB = new ApiClient(ports[0], "cluster.worker", "first-password-18");
    assertThat(onB.get("/api/v1/cases?area=" + AREA).status()).isEqualTo(200); // cached on B
    assertThat(
            a.put(
                    "/api/v1/users/cluster.worker",
                    """
                    {"displayName":"Synthetic","roles":["CASE_WORKER"],"areaCodes":["%s"],
                     "password":"second-password-18"}
                    """
                        .formatted(AREA))
                .status())
        .isEqualTo(200);
    assertThat(onB.get("/api/v1/cases?area=" + AREA).status()).isEqualTo(401);
    assertThat(
            new ApiClient(ports[0], "cluster.worker", "second-password-18")
                .get("/api/v1/cases?area=" + AREA)
                .status())
        .isEqualTo(200);
  }

  private static String name(ApiClient.Response r) {
    if (r.status() != 200
        || r.json().get("fullName") == null
        || r.json().get("fullName").isNull()) {
      return null;
    }
    return r.json().get("fullName").asText();
  }

  private static long created(Map<UUID, Integer> outcomes) {
    return outcomes.values().stream().filter(s -> s == 201).count();
  }

  private Map<String, Integer> reportsStored() throws SQLException {
    Map<String, Integer> stored = new ConcurrentHashMap<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement s =
            c.prepareStatement(
                "select aggregateidentifier, count(*) from domainevententry"
                    + " where payloadtype like '%CaseReportedEvent' group by aggregateidentifier");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        stored.put(rs.getString(1), rs.getInt(2));
      }
    }
    return stored;
  }

  private long segmentsOwnedBy(long pid) throws SQLException {
    return count("select count(*) from tokenentry where owner like '" + pid + "@%'");
  }

  private long unclaimedSegments() throws SQLException {
    return count("select count(*) from tokenentry where owner is null");
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
