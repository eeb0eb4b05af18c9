package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the worklist is rebuilt while cases are reported and read. It answers throughout, never
 * with fewer cases than before, and afterwards holds exactly what it held, plus every case reported
 * meanwhile.
 */
class RebuildIT extends ApplicationIT {
  static final String AREA = "97001";
  static final String FAILING_AREA = "97002";

  @Test
  void the_worklist_answers_throughout_a_rebuild_under_load_and_is_identical_afterwards()
      throws Exception {
    ApiClient admin = admin();
    defineCommunes(admin, AREA);
    List<String> seeded = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      UUID id = UUID.randomUUID();
      assertThat(admin.post("/api/v1/cases", FaultIT.report(id, AREA)).status()).isEqualTo(201);
      seeded.add(id.toString());
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> total(admin) >= 30);
    List<String> before = rows();

    AtomicBoolean stop = new AtomicBoolean();
    List<String> reported = Collections.synchronizedList(new ArrayList<>());
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicLong reads = new AtomicLong();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              while (!stop.get()) {
                UUID id = UUID.randomUUID();
                int status = admin.post("/api/v1/cases", FaultIT.report(id, AREA)).status();
                if (status == 201) {
                  reported.add(id.toString());
                } else {
                  failures.add("report " + status);
                }
              }
            });
    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> {
              while (!stop.get()) {
                ApiClient.Response page = admin.get("/api/v1/cases?area=" + AREA + "&size=10");
                reads.incrementAndGet();
                if (page.status() != 200) {
                  failures.add("read " + page.status());
                } else if (page.json().get("page").get("totalElements").asLong() < 30) {
                  failures.add("read " + page.json().get("page").get("totalElements") + " cases");
                }
              }
            });
    Thread.sleep(500);
    rebuild("worklist");
    Thread.sleep(500);
    stop.set(true);
    CompletableFuture.allOf(writer, reader).get();

    assertThat(failures).isEmpty();
    assertThat(reads.get()).isGreaterThan(10);
    assertThat(reported).isNotEmpty();
    await().atMost(Duration.ofSeconds(30)).until(() -> total(admin) == 30 + reported.size());
    List<String> after = rows();
    assertThat(after).containsAll(before);
    System.out.printf(
        "RebuildIT: %d reads and %d reports during the rebuild, none failed%n",
        reads.get(), reported.size());
  }

  @Test
  void a_rebuild_that_fails_leaves_the_live_read_model_serving() throws Exception {
    ApiClient admin = admin();
    defineCommunes(admin, FAILING_AREA);
    UUID poisoned = UUID.randomUUID();
    assertThat(admin.post("/api/v1/cases", FaultIT.report(poisoned, FAILING_AREA)).status())
        .isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> admin.get("/api/v1/cases/" + poisoned).status() == 200);
    List<String> before = rows(FAILING_AREA);
    // the live table refuses this case from now on: so does its copy, the replay fails on it
    jdbc.execute(
        "alter table worklist_case add constraint rebuild_it check (case_id <> '"
            + poisoned
            + "') not valid");
    try {
      rebuild("worklist");
    } finally {
      jdbc.execute("alter table worklist_case drop constraint rebuild_it");
    }
    assertThat(admin.get("/api/v1/cases/" + poisoned).status()).isEqualTo(200);
    assertThat(rows(FAILING_AREA)).isEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from information_schema.schemata"
                    + " where schema_name = 'rebuild_worklist'",
                Long.class))
        .isZero();
    assertThat(admin.get("/api/v1/admin/projections/worklist").json().get("rebuilding").asBoolean())
        .isFalse();
  }

  private static long total(ApiClient admin) {
    return admin
        .get("/api/v1/cases?area=" + AREA + "&size=1")
        .json()
        .get("page")
        .get("totalElements")
        .asLong();
  }

  /** The area's worklist rows, their sealed values opened (a rebuild seals anew). */
  private List<String> rows() {
    return rows(AREA);
  }

  private List<String> rows(String area) {
    return jdbc
        .queryForList(
            "select t::text from worklist_case t where area_code = ? order by case_id",
            String.class,
            area)
        .stream()
        .map(this::opened)
        .toList();
  }
}
