package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 21: what a worker's report costs the database. Its two keys (the new child's and the
 * case's) are written by one statement: a statement-level trigger counts the statements that insert
 * keys.
 */
class RequestPathIT extends ApplicationIT {
  @Test
  void a_report_writes_its_two_keys_in_one_statement() {
    jdbc.execute("create sequence if not exists request_path_it_seq");
    jdbc.execute(
        "create table if not exists request_path_it_keys (statement bigint, subject_id uuid)");
    jdbc.execute(
        "create or replace function request_path_it_log() returns trigger as $$"
            + " declare s bigint := nextval('request_path_it_seq'); begin"
            + " insert into request_path_it_keys select s, subject_id from inserted;"
            + " return null; end $$ language plpgsql");
    jdbc.execute("drop trigger if exists request_path_it_log on personal_data_key");
    jdbc.execute(
        "create trigger request_path_it_log after insert on personal_data_key"
            + " referencing new table as inserted"
            + " for each statement execute function request_path_it_log()");
    ApiClient.Response created;
    try {
      created = admin().post("/api/v1/cases", CaseApiIT.caseBody(null, "PHONE", ""));
    } finally {
      jdbc.execute("drop trigger if exists request_path_it_log on personal_data_key");
    }
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String caseId = created.json().get("id").asText();
    String childId = created.json().get("childId").asText();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from personal_data_key where subject_id in (?::uuid, ?::uuid)"
                    + " and wrapped_key is not null and owner_id = ?::uuid",
                Long.class,
                caseId,
                childId,
                childId))
        .as("the case's key and the child's, both owned by the child")
        .isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from request_path_it_keys where subject_id in (?::uuid, ?::uuid)",
                Long.class,
                caseId,
                childId))
        .isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select count(distinct statement) from request_path_it_keys"
                    + " where subject_id in (?::uuid, ?::uuid)",
                Long.class,
                caseId,
                childId))
        .as("statements that inserted the report's keys")
        .isEqualTo(1);
  }
}
