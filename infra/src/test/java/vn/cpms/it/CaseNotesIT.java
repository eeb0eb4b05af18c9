package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a worker records a home visit and a meeting of the interagency working group on the
 * case; both are on the timeline and the case page, their words sealed at rest.
 */
class CaseNotesIT extends ApplicationIT {
  static final String VISIT = "Synthetic: the child sleeps at her aunt's, school every day";

  @Test
  void visits_and_working_group_meetings_are_on_the_timeline_and_sealed_at_rest() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
    ApiClient admin = admin();
    var created =
        admin.post(
            "/api/v1/cases",
            CaseApiIT.caseBody(null, "PHONE", "")
                .replace(CaseApiIT.RECENT, now.minusDays(2).toString()));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String today = now.toLocalDate().toString();
    assertThat(
            admin
                .post(
                    "/api/v1/cases/" + id + "/notes",
                    "{\"kind\":\"HOME_VISIT\",\"on\":\"%s\"}".formatted(today))
                .status())
        .as("a note needs its words")
        .isEqualTo(422);
    CaseProcedureIT.ok(
        admin.post(
            "/api/v1/cases/" + id + "/notes",
            "{\"kind\":\"HOME_VISIT\",\"on\":\"%s\",\"participants\":\"worker, aunt\",\"text\":\"%s\"}"
                .formatted(today, VISIT)));
    CaseProcedureIT.ok(
        admin.post(
            "/api/v1/cases/" + id + "/notes",
            "{\"kind\":\"WORKING_GROUP_MEETING\",\"on\":\"%s\",\"participants\":\"police, school, health station\",\"text\":\"Synthetic: the school watches her attendance\"}"
                .formatted(today)));
    List<JsonNode> notes =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> {
                  List<JsonNode> all = new java.util.ArrayList<>();
                  admin.get("/api/v1/cases/" + id + "/notes").json().forEach(all::add);
                  return all;
                },
                all -> all.size() == 2);
    assertThat(notes)
        .extracting(n -> n.get("kind").asText())
        .containsExactlyInAnyOrder("HOME_VISIT", "WORKING_GROUP_MEETING");
    assertThat(notes).extracting(n -> n.get("text").asText()).contains(VISIT);
    assertThat(
            await()
                .atMost(Duration.ofSeconds(10))
                .until(
                    () ->
                        admin
                            .get("/api/v1/cases/" + id + "/timeline")
                            .json()
                            .findValuesAsText("type"),
                    t -> t.stream().filter("CaseNoteRecorded"::equals).count() == 2))
        .contains("CaseReported");
    assertThat(jdbc.queryForList("select text from case_note", String.class))
        .noneMatch(t -> t.contains("aunt's"));

    FormSession page = new FormSession(port);
    assertThat(page.signIn("admin", ADMIN_PASSWORD)).isTrue();
    assertThat(page.get("/cases/" + id).body())
        .contains("id=\"note-form\"")
        .contains("data-kind=\"WORKING_GROUP_MEETING\"");
  }
}
