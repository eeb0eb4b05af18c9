package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a command sent without If-Match that loses a race to another node (PostgreSQL refuses
 * its events as a duplicate of the version another node just stored) is retried and answered 200,
 * not 409; with If-Match the conflict stays the caller's. The other node is played by a trigger
 * that refuses the case's next event once, exactly as the unique key would.
 */
class ConflictRetryIT extends ApplicationIT {
  void refuseNextEventOnce(String aggregate) {
    jdbc.execute("drop sequence if exists conflict_retry_it_seq");
    jdbc.execute("create sequence conflict_retry_it_seq");
    jdbc.execute(
        "create or replace function conflict_retry_it() returns trigger as $$ begin"
            + " if new.aggregateidentifier = '"
            + aggregate
            + "' and nextval('conflict_retry_it_seq') = 1 then"
            + " raise unique_violation using message = 'another node stored this version';"
            + " end if; return new; end $$ language plpgsql");
    jdbc.execute(
        "create trigger conflict_retry_it before insert on domainevententry"
            + " for each row execute function conflict_retry_it()");
  }

  void dropTrigger() {
    jdbc.execute("drop trigger if exists conflict_retry_it on domainevententry");
  }

  String reportedCase() {
    ApiClient.Response created =
        admin().post("/api/v1/cases", CaseApiIT.caseBody(null, "PHONE", ""));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> admin().get("/api/v1/cases/" + id).status() == 200);
    return id;
  }

  @Test
  void a_command_without_if_match_that_lost_a_race_is_retried() {
    String id = reportedCase();
    refuseNextEventOnce(id);
    try {
      ApiClient.Response assigned =
          admin().post("/api/v1/cases/" + id + "/assignment", "{\"workerUsername\":\"worker.a\"}");
      assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
    } finally {
      dropTrigger();
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?"
                    + " and payloadtype like '%CaseAssignedEvent'",
                Long.class, id))
        .isEqualTo(1);
  }

  /**
   * Issue 21: a new report reads nothing before writing; a duplicate learns it is one from the
   * unique key. Both copies of a report sent at once get the first result: the trigger holds each
   * copy's first event 300 ms, so both write at once and PostgreSQL refuses the later one.
   */
  @Test
  void two_copies_of_a_report_sent_at_once_both_get_the_first_result() throws Exception {
    java.util.UUID id = java.util.UUID.randomUUID();
    jdbc.execute(
        "create or replace function conflict_retry_it_hold() returns trigger as $$ begin"
            + " if new.aggregateidentifier = '"
            + id
            + "' then perform pg_sleep(0.3); end if; return new; end $$ language plpgsql");
    jdbc.execute(
        "create trigger conflict_retry_it_hold before insert on domainevententry"
            + " for each row execute function conflict_retry_it_hold()");
    java.util.List<ApiClient.Response> answers;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var copies =
          java.util.stream.IntStream.range(0, 2)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> admin().post("/api/v1/cases", CaseApiIT.caseBody(id, "PHONE", ""))))
              .toList();
      answers = new java.util.ArrayList<>();
      for (var copy : copies) {
        answers.add(copy.get(30, java.util.concurrent.TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdown();
      jdbc.execute("drop trigger if exists conflict_retry_it_hold on domainevententry");
    }
    assertThat(answers)
        .extracting(ApiClient.Response::status)
        .as(answers.toString())
        .containsExactlyInAnyOrder(201, 200);
    assertThat(answers)
        .extracting(a -> a.json().get("childId").asText())
        .as("both answer the first result")
        .containsOnly(answers.get(0).json().get("childId").asText());
    assertThat(
            jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?"
                    + " and payloadtype like '%.CaseReportedEvent'",
                Long.class, id.toString()))
        .as("the report is stored once")
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where resource_id = ? and action = 'COMMAND'",
                Long.class,
                id.toString()))
        .as("one audit row per answered command, each in its command's transaction")
        .isEqualTo(2);
  }

  @Test
  void with_if_match_the_conflict_is_the_callers() {
    String id = reportedCase();
    String version = admin().get("/api/v1/cases/" + id).header("ETag");
    assertThat(
            admin()
                .withHeader("If-Match", version)
                .post("/api/v1/cases/" + id + "/assignment", "{\"workerUsername\":\"worker.a\"}")
                .status())
        .isEqualTo(200);
    ApiClient.Response stale =
        admin()
            .withHeader("If-Match", version)
            .post("/api/v1/cases/" + id + "/assignment", "{\"workerUsername\":\"worker.b\"}");
    assertThat(stale.status()).isEqualTo(409);
  }
}
