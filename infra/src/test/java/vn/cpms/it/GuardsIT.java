package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Sex;

/**
 * The guards of issue 8, at test size: nothing stored is missing from the projections (G1), the
 * projections skip no event when transactions commit out of global-index order (G2), and a replay
 * from zero gives the same read models (G3).
 */
class GuardsIT extends ApplicationIT {
  static final String LOAD_AREA = "93001";
  static final String GAP_AREA = "93002";
  static final int LOAD_CASES = 160;
  static final int THREADS = 8;

  /** The tables of each projection (processing group). */
  static final Map<String, List<String>> READ_MODELS = new LinkedHashMap<>();

  static {
    READ_MODELS.put("worklist", List.of("worklist_case", "worklist_intervention"));
    READ_MODELS.put("timeline", List.of("case_timeline"));
    READ_MODELS.put(
        "children", List.of("child_view", "child_circumstance", "child_support", "child_incident"));
    READ_MODELS.put("hotline", List.of("contact"));
    READ_MODELS.put("areas", List.of("area"));
    READ_MODELS.put("referrals", List.of("provider", "provider_area", "referral", "referral_case"));
    READ_MODELS.put("notes", List.of("case_note"));
    READ_MODELS.put("alerts", List.of("alert_case", "death_alert", "death_alert_ack"));
    READ_MODELS.put("abusers", List.of("abuser_case", "abuser_fact"));
    READ_MODELS.put(
        "statistics",
        List.of(
            "stat_case",
            "stat_case_status",
            "stat_child",
            "stat_incident",
            "stat_circumstance",
            "stat_support",
            "stat_contact",
            "stat_population",
            "stat_figure"));
  }

  @Autowired EventStore events;
  @Autowired TransactionTemplate transactions;

  static String report(UUID id, String area) {
    return CaseApiIT.caseBody(id, "PHONE", "").replace("\"06652\"", "\"" + area + "\"");
  }

  long maxGlobalIndex() {
    Long max = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    return max == null ? -1 : max;
  }

  /** Every projection's tracking token has passed {@code index} in every segment. */
  long count(String sql, Object... args) {
    Long n = jdbc.queryForObject(sql, Long.class, args);
    return n == null ? 0 : n;
  }

  long casesReportedStatistic(String area) {
    return admin()
        .get("/api/v1/statistics/cases-reported?area=" + area + "&from=2020-01-01&to=2030-12-31")
        .json()
        .get("total")
        .asLong();
  }

  @Test
  void g1_after_a_concurrent_load_events_stored_equal_events_projected_equal_statistics_totals()
      throws Exception {
    ApiClient api = admin();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < LOAD_CASES; i++) {
      ids.add(UUID.randomUUID());
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<String> children = new ArrayList<>();
    try {
      List<Future<ApiClient.Response>> answers =
          ids.stream()
              .map(id -> pool.submit(() -> api.post("/api/v1/cases", report(id, LOAD_AREA))))
              .toList();
      for (Future<ApiClient.Response> answer : answers) {
        ApiClient.Response r = answer.get();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        children.add(r.json().get("childId").asText());
      }
      // A second step on a third of the cases, concurrently too.
      List<Future<ApiClient.Response>> steps =
          ids.stream()
              .filter(id -> id.hashCode() % 3 == 0)
              .map(
                  id ->
                      pool.submit(
                          () ->
                              api.post(
                                  "/api/v1/cases/" + id + "/assignment",
                                  "{\"workerUsername\":\"worker.g1\"}")))
              .toList();
      for (Future<ApiClient.Response> step : steps) {
        assertThat(step.get().status()).as(step.get().toString()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    String[] caseIds = ids.stream().map(UUID::toString).toArray(String[]::new);
    long assigned = ids.stream().filter(id -> id.hashCode() % 3 == 0).count();

    long reported =
        count(
            "select count(*) from domainevententry where payloadtype like '%.CaseReportedEvent'"
                + " and aggregateidentifier = any(?)",
            (Object) caseIds);
    long stored =
        count(
            "select count(*) from domainevententry where aggregateidentifier = any(?)",
            (Object) caseIds);
    long childrenStored =
        count(
            "select count(*) from domainevententry where payloadtype like '%.ChildRegisteredEvent'"
                + " and aggregateidentifier = any(?)",
            (Object) children.toArray(String[]::new));
    assertThat(reported).isEqualTo(LOAD_CASES);
    assertThat(stored).isEqualTo(LOAD_CASES + assigned);
    assertThat(childrenStored).isEqualTo(LOAD_CASES);

    long last = maxGlobalIndex();
    await().atMost(Duration.ofSeconds(60)).until(() -> allProcessorsPassed(last));
    assertThat(count("select count(*) from worklist_case where area_code = ?", LOAD_AREA))
        .isEqualTo(reported);
    assertThat(
            count(
                "select count(*) from worklist_case where area_code = ? and assignee = 'worker.g1'",
                LOAD_AREA))
        .isEqualTo(assigned);
    assertThat(
            count(
                "select count(*) from case_timeline where case_id::text = any(?)",
                (Object) caseIds))
        .as("one timeline entry per stored event")
        .isEqualTo(stored);
    assertThat(
            count(
                "select count(*) from child_view where child_id::text = any(?)",
                (Object) children.toArray(String[]::new)))
        .isEqualTo(childrenStored);
    assertThat(count("select count(*) from stat_case where area_code = ?", LOAD_AREA))
        .isEqualTo(reported);
    assertThat(casesReportedStatistic(LOAD_AREA)).isEqualTo(reported);
  }

  @Test
  void g2_no_event_is_skipped_when_transactions_commit_out_of_global_index_order()
      throws Exception {
    CaseId held = CaseId.random();
    java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Future<?> heldTransaction =
        writer.submit(
            () ->
                transactions.executeWithoutResult(
                    tx -> {
                      // Takes its global index now, commits after everything below.
                      events.publish(reportedEvent(held, GAP_AREA));
                      written.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    assertThat(written.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    long heldIndex = maxGlobalIndex(); // the held row is invisible here: the index below it
    ApiClient api = admin();
    List<String> later = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ApiClient.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(pool.submit(() -> api.post("/api/v1/cases", report(null, GAP_AREA))));
      }
      for (Future<ApiClient.Response> answer : answers) {
        assertThat(answer.get().status()).isEqualTo(201);
        later.add(answer.get().json().get("id").asText());
      }
    } finally {
      pool.shutdown();
    }
    // The projections move past the gap the open transaction leaves...
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> count("select count(*) from worklist_case where area_code = ?", GAP_AREA) == 20);
    assertThat(count("select count(*) from worklist_case where case_id = ?::uuid", held.toString()))
        .isZero();
    // ...and still pick up its event once it commits, with an index below theirs.
    release.countDown();
    heldTransaction.get(30, java.util.concurrent.TimeUnit.SECONDS);
    writer.shutdown();
    long heldGlobalIndex =
        count(
            "select globalindex from domainevententry where aggregateidentifier = ?",
            held.toString());
    long firstLater =
        count(
            "select min(globalindex) from domainevententry where aggregateidentifier = any(?)",
            (Object) later.toArray(String[]::new));
    assertThat(heldGlobalIndex)
        .as("the held event committed last with a lower index: a gap")
        .isGreaterThan(heldIndex)
        .isLessThan(firstLater);

    long last = maxGlobalIndex();
    await().atMost(Duration.ofSeconds(30)).until(() -> allProcessorsPassed(last));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> count("select count(*) from worklist_case where area_code = ?", GAP_AREA) == 21);
    // (a processor's position passes the gap before it has read the event that fills it)
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count("select count(*) from case_timeline where case_id = ?::uuid", held.toString())
                    == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("select count(*) from stat_case where area_code = ?", GAP_AREA) == 21);
    assertThat(casesReportedStatistic(GAP_AREA)).isEqualTo(21);

    assertThat(
            count(
                "select count(*) from (select sequencenumber, lag(sequencenumber) over"
                    + " (partition by aggregateidentifier order by globalindex) as previous"
                    + " from domainevententry) e"
                    + " where previous is not null and sequencenumber <> previous + 1"))
        .as("the global index orders every aggregate's events by their sequence, without holes")
        .isZero();
  }

  GenericDomainEventMessage<CaseReportedEvent> reportedEvent(CaseId id, String area) {
    Instant reported = Instant.now().minus(Duration.ofHours(1));
    return new GenericDomainEventMessage<>(
        "ChildCase",
        id.toString(),
        0,
        new CaseReportedEvent(
            id,
            ChildId.random(),
            reported,
            Channel.PHONE,
            AreaCode.of(area),
            List.of(AbuseForm.NEGLECT),
            false,
            null,
            null,
            new ChildFacts(Sex.MALE, 8, Ethnicity.of("01"), false),
            reported.plus(Duration.ofDays(3)),
            null),
        MetaData.with("username", "guards.it"),
        UUID.randomUUID().toString(),
        Instant.now());
  }

  /** Every row of every read model, as text, in a stable order. */
  Map<String, List<String>> readModels() {
    Map<String, List<String>> all = new LinkedHashMap<>();
    READ_MODELS.values().stream()
        .flatMap(List::stream)
        .forEach(
            table ->
                all.put(
                    table,
                    jdbc.queryForList("select t::text from " + table + " t", String.class).stream()
                        .map(this::opened)
                        .sorted()
                        .toList()));
    return all;
  }

  @Test
  void g3_a_replay_from_zero_gives_identical_read_models() {
    // Some of everything first (cases with steps, children, contacts, areas, population).
    new vn.cpms.infra.demo.DemoData(commands, events, clock, 20261124, 15).load();
    recordNotesAndAbusers(3);
    Map<String, List<String>> before = null;
    Map<String, List<String>> after = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      // Quiet store: a legal clock running out adds an event in the background now and then.
      long last = settle();
      before = readModels();
      for (String name : READ_MODELS.keySet()) {
        ApiClient.Response r = admin().post("/api/v1/admin/projections/" + name + "/rebuild", "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
      }
      await()
          .atMost(Duration.ofSeconds(120))
          .pollDelay(Duration.ofMillis(200))
          .until(() -> allProcessorsPassed(last) && noneRebuilding());
      after = readModels();
      if (maxGlobalIndex() == last) {
        break;
      }
    }
    assertThat(before.values().stream().mapToInt(List::size).sum()).isGreaterThan(100);
    for (String table : List.of("case_note", "alert_case", "abuser_case", "abuser_fact")) {
      assertThat(before.get(table)).as(table).isNotEmpty();
    }
    for (String table : before.keySet()) {
      assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
    }
    for (var projection : admin().get("/api/v1/admin/projections").json()) {
      assertThat(projection.get("deadLetterSequences").asLong())
          .as(projection.get("name").asText())
          .isZero();
    }
  }

  /** A note, a person suspected of abuse and a legal outcome on each of a few open cases. */
  void recordNotesAndAbusers(int cases) {
    java.time.LocalDate today = vn.cpms.kernel.VietnamTime.dateOf(clock.instant());
    for (java.util.UUID id :
        jdbc.queryForList(
            "select case_id from worklist_case where status <> 'CLOSED' order by case_id limit ?",
            java.util.UUID.class,
            cases)) {
      vn.cpms.kernel.cases.CaseId caseId = new vn.cpms.kernel.cases.CaseId(id);
      java.util.UUID abuser = java.util.UUID.randomUUID();
      asSystem(
          new vn.cpms.kernel.cases.RecordCaseNoteCommand(
              caseId,
              java.util.UUID.randomUUID(),
              vn.cpms.kernel.cases.NoteKind.HOME_VISIT,
              today,
              "Mẹ của trẻ",
              "Thăm nhà, trẻ an toàn",
              null));
      asSystem(
          new vn.cpms.kernel.cases.RecordAbuserCommand(
              caseId,
              abuser,
              vn.cpms.kernel.cases.AbuserRelationship.NEIGHBOUR,
              vn.cpms.kernel.children.Sex.MALE,
              vn.cpms.kernel.cases.AbuserAgeGroup.FROM_30_TO_49,
              true,
              null));
      asSystem(
          new vn.cpms.kernel.cases.RecordLegalOutcomeCommand(
              caseId,
              abuser,
              vn.cpms.kernel.cases.LegalOutcome.ADMINISTRATIVE_SANCTION,
              today,
              null));
    }
  }

  /** Sends a command as the system's own work, as the demo data does. */
  void asSystem(Object command) {
    vn.cpms.infra.security.SystemActor.run(
        () ->
            commands.sendAndWait(
                org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(vn.cpms.infra.axon.AxonConfiguration.USERNAME, "guards"))));
  }

  boolean noneRebuilding() {
    for (var projection : admin().get("/api/v1/admin/projections").json()) {
      if (projection.get("rebuilding").asBoolean()) {
        return false;
      }
    }
    return true;
  }

  /** Waits until no event has been added for two seconds and every projection has caught up. */
  long settle() {
    long[] last = {maxGlobalIndex()};
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              long now = maxGlobalIndex();
              boolean quiet = now == last[0] && allProcessorsPassed(now);
              last[0] = now;
              return quiet;
            });
    return last[0];
  }

  @Autowired org.axonframework.commandhandling.gateway.CommandGateway commands;
  @Autowired java.time.Clock clock;
}
