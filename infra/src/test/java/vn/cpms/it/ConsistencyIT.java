package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads follow writes (API.md): a command answers {@code Consistency-Position}, and a read that
 * sends it back shows what the command did, never a {@code 404} or an older version, and waits for
 * a read model that is held back, up to the configured bound ({@code cpms.consistency.timeout}, 3 s
 * in the tests), then answers {@code 503} with {@code Retry-After}.
 */
class ConsistencyIT extends ApplicationIT {
  @org.springframework.beans.factory.annotation.Autowired
  vn.cpms.infra.consistency.ReadModels readModels;

  /** A query waits for the projection whose tables it reads, also when another bean answers it. */
  @Test
  void each_query_waits_for_the_read_model_it_reads() {
    assertThat(readModels.readBy(vn.cpms.kernel.children.FindChildQuery.class))
        .containsExactly("children");
    assertThat(readModels.readBy(vn.cpms.kernel.children.SearchChildrenQuery.class))
        .containsExactly("children");
    // a query answered from several tables waits for every read model, the children's included
    assertThat(readModels.readBy(Object.class)).contains("children", "worklist", "hotline");
  }

  static final String PROVINCE = "71";
  static final String COMMUNE = "71001";
  static final int CLIENTS = 16;
  static final int ROUNDS = 3;
  static final String POSITION = "Consistency-Position";

  @BeforeEach
  void areas() {
    defineArea(PROVINCE, "PROVINCE", null);
    defineArea(COMMUNE, "COMMUNE", PROVINCE);
  }

  static String report(UUID id) {
    return CaseApiIT.caseBody(id, "PHONE", "").replace("06652", COMMUNE);
  }

  static String contact() {
    return HotlineIT.contact(
        OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(5).withNano(0),
        "HOTLINE_111",
        "VIOLENCE",
        COMMUNE,
        null);
  }

  static long position(ApiClient.Response answer) {
    String header = answer.header(POSITION);
    assertThat(header).as("%s on %s", POSITION, answer).isNotNull();
    return Long.parseLong(header);
  }

  /** What one client saw: reads with the position that failed, reads without it that lagged. */
  record Tally(AtomicInteger wrong, AtomicInteger lagging, List<String> wrongReads) {
    Tally() {
      this(
          new AtomicInteger(),
          new AtomicInteger(),
          java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    void expect(boolean ok, String what) {
      if (!ok) {
        wrong.incrementAndGet();
        wrongReads.add(what);
      }
    }
  }

  @Test
  void sixteen_clients_read_back_every_case_contact_and_step_they_wrote_with_the_position()
      throws Exception {
    ApiClient admin = admin();
    long reportedBefore = casesReported(admin, null);
    Tally tally = new Tally();
    List<String> caseIds = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger maxPosition = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < ROUNDS; round++) {
                    clientRound(admin, tally, caseIds, maxPosition);
                  }
                  return null;
                }));
      }
      for (Future<?> client : clients) {
        client.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "ConsistencyIT: %d cases by %d clients; reads with the position that were wrong: %d;"
            + " the same reads without it that lagged (404 or an older version, allowed): %d%n",
        caseIds.size(), CLIENTS, tally.wrong().get(), tally.lagging().get());
    assertThat(tally.wrongReads()).as("reads with the position that were wrong").isEmpty();
    assertThat(caseIds).hasSize(CLIENTS * ROUNDS);

    ApiClient following = admin.withHeader(POSITION, Long.toString(maxPosition.get()));
    JsonNode worklist = following.get("/api/v1/cases?area=" + COMMUNE + "&size=200").json();
    assertThat(worklist.get("content").findValuesAsText("id")).containsAll(caseIds);
    assertThat(casesReported(following, null) - reportedBefore)
        .as("each case counted once in cases-reported as soon as the position is reached")
        .isEqualTo(CLIENTS * ROUNDS);
  }

  private void clientRound(
      ApiClient admin, Tally tally, List<String> caseIds, AtomicInteger maxPosition) {
    ApiClient.Response reported = admin.post("/api/v1/cases", report(null));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    String id = reported.json().get("id").asText();
    caseIds.add(id);
    long version = reported.json().get("version").asLong();
    long position = position(reported);
    maxPosition.accumulateAndGet((int) position, Math::max);

    ApiClient.Response unfollowed = admin.get("/api/v1/cases/" + id);
    if (unfollowed.status() != 200) {
      tally.lagging().incrementAndGet();
    }
    ApiClient following = admin.withHeader(POSITION, Long.toString(position));
    ApiClient.Response read = following.get("/api/v1/cases/" + id);
    tally.expect(
        read.status() == 200 && read.json().get("version").asLong() == version, "case " + read);
    JsonNode page = following.get("/api/v1/cases?area=" + COMMUNE + "&size=200").json();
    tally.expect(page.get("content").findValuesAsText("id").contains(id), "worklist " + id);

    ApiClient.Response assigned =
        admin.post("/api/v1/cases/" + id + "/assignment", "{\"workerUsername\":\"admin\"}");
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    long assignedVersion = assigned.json().get("version").asLong();
    ApiClient.Response stale = admin.get("/api/v1/cases/" + id);
    if (stale.status() != 200 || stale.json().get("version").asLong() < assignedVersion) {
      tally.lagging().incrementAndGet();
    }
    ApiClient followingStep = admin.withHeader(POSITION, Long.toString(position(assigned)));
    ApiClient.Response step = followingStep.get("/api/v1/cases/" + id);
    tally.expect(
        step.status() == 200
            && step.json().get("version").asLong() == assignedVersion
            && "admin".equals(step.json().path("assignee").asText(null)),
        "step " + step);
    ApiClient.Response timeline = followingStep.get("/api/v1/cases/" + id + "/timeline");
    tally.expect(
        timeline.status() == 200 && timeline.json().get("entries").size() >= 2,
        "timeline " + timeline);
    ApiClient.Response child =
        followingStep.get("/api/v1/children/" + reported.json().get("childId").asText());
    tally.expect(child.status() == 200, "child " + child);

    ApiClient.Response received = admin.post("/api/v1/contacts", contact());
    assertThat(received.status()).as(received.toString()).isEqualTo(201);
    ApiClient.Response contact =
        admin
            .withHeader(POSITION, Long.toString(position(received)))
            .get("/api/v1/contacts/" + received.json().get("id").asText());
    tally.expect(contact.status() == 200, "contact " + contact);
  }

  @Test
  void a_repeated_report_answers_the_position_of_the_first_answer() {
    ApiClient admin = admin();
    UUID id = UUID.randomUUID();
    ApiClient.Response first = admin.post("/api/v1/cases", report(id));
    ApiClient.Response again = admin.post("/api/v1/cases", report(id));
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(position(again)).isEqualTo(position(first));
    Long stored =
        jdbc.queryForObject(
            // the report's own events: the first of the case and of the child (a policy may add
            // an event to the child a moment later, in a transaction of its own)
            "select max(globalindex) from domainevententry where aggregateidentifier in (?, ?)"
                + " and sequencenumber = 0",
            Long.class,
            id.toString(),
            first.json().get("childId").asText());
    assertThat(position(first)).as("the last event the report stored").isEqualTo(stored);
  }

  @Test
  void a_read_waits_for_a_held_back_read_model_and_answers_503_when_it_does_not_catch_up()
      throws Exception {
    ApiClient admin = admin();
    StreamingEventProcessor worklist =
        processing.eventProcessor("worklist", StreamingEventProcessor.class).orElseThrow();
    worklist.shutDown();
    try {
      ApiClient.Response reported = admin.post("/api/v1/cases", report(null));
      assertThat(reported.status()).isEqualTo(201);
      String id = reported.json().get("id").asText();
      ApiClient following = admin.withHeader(POSITION, Long.toString(position(reported)));
      CompletableFuture<ApiClient.Response> read =
          CompletableFuture.supplyAsync(() -> following.get("/api/v1/cases/" + id));
      Thread.sleep(1_000);
      assertThat(read).as("the read waits while the worklist is held back").isNotDone();
      worklist.start();
      ApiClient.Response answered = read.get(10, TimeUnit.SECONDS);
      assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
      assertThat(answered.json().get("id").asText()).isEqualTo(id);

      worklist.shutDown();
      ApiClient.Response another = admin.post("/api/v1/cases", report(null));
      long started = System.nanoTime();
      ApiClient.Response late =
          admin
              .withHeader(POSITION, Long.toString(position(another)))
              .inLanguage("en")
              .get("/api/v1/cases/" + another.json().get("id").asText());
      Duration waited = Duration.ofNanos(System.nanoTime() - started);
      assertThat(late.status()).as(late.toString()).isEqualTo(503);
      assertThat(late.header("Retry-After")).isNotNull();
      assertThat(late.header("Content-Type")).startsWith("application/problem+json");
      assertThat(late.json().get("detail").asText()).isNotBlank();
      assertThat(waited)
          .as("the bound of the IT configuration")
          .isGreaterThan(Duration.ofSeconds(2));

      ApiClient.Response unfollowed =
          admin.get("/api/v1/cases/" + another.json().get("id").asText());
      assertThat(unfollowed.status())
          .as("without the header a read does not wait: here it lags")
          .isEqualTo(404);
    } finally {
      worklist.start();
    }
  }

  @Test
  void a_malformed_position_is_refused() {
    ApiClient.Response r =
        admin().withHeader(POSITION, "soon").get("/api/v1/cases?area=" + COMMUNE);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
  }

  @Test
  void the_api_description_documents_the_header_on_reads_and_command_answers() {
    JsonNode paths = admin().get("/v3/api-docs").json().get("paths");
    assertThat(
            paths.get("/api/v1/cases/{id}").get("get").get("parameters").findValuesAsText("name"))
        .contains(POSITION);
    assertThat(
            paths
                .get("/api/v1/cases")
                .get("post")
                .get("responses")
                .findValue("headers")
                .has(POSITION))
        .isTrue();
  }

  private static long casesReported(ApiClient api, String ignored) {
    return api.get(
            "/api/v1/statistics/cases-reported?area=" + COMMUNE + "&from=2020-01-01&to=2030-12-31")
        .json()
        .get("total")
        .asLong();
  }
}
