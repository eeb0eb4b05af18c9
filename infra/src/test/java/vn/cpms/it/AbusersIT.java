package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a person suspected of the abuse is recorded without identity, then the legal outcome;
 * both are on the timeline; the statistics count them by relationship and by outcome, small counts
 * hidden for a statistician.
 */
class AbusersIT extends ApplicationIT {
  @Test
  void abusers_are_counted_by_relationship_and_outcome_with_small_counts_hidden() {
    defineArea("72", "PROVINCE", null);
    defineArea("72001", "COMMUNE", "72");
    defineUser("abusers.statistician", "abusers-password", "STATISTICIAN", "72");
    ApiClient admin = admin();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
    String lastCase = null;
    String lastAbuser = null;
    for (int i = 0; i < 6; i++) {
      var created =
          admin.post(
              "/api/v1/cases",
              CaseApiIT.caseBody(null, "PHONE", "")
                  .replace("06652", "72001")
                  .replace(CaseApiIT.RECENT, now.minusHours(10 - i).toString()));
      assertThat(created.status()).isEqualTo(201);
      lastCase = created.json().get("id").asText();
      var abuser =
          admin.post(
              "/api/v1/cases/" + lastCase + "/abusers",
              "{\"relationship\":\"%s\",\"sex\":\"MALE\",\"ageGroup\":\"FROM_30_TO_49\",\"policeNotified\":true}"
                  .formatted(i < 5 ? "STEP_PARENT" : "NEIGHBOUR"));
      assertThat(abuser.status()).as(abuser.toString()).isEqualTo(200);
      lastAbuser = abuser.json().get("abuserId").asText();
    }
    assertThat(
            admin
                .post(
                    "/api/v1/cases/" + lastCase + "/abusers",
                    "{\"relationship\":\"FATHER\",\"sex\":\"MALE\",\"ageGroup\":\"FROM_50\",\"policeNotified\":false}")
                .status())
        .isEqualTo(422);
    CaseProcedureIT.ok(
        admin.post(
            "/api/v1/cases/" + lastCase + "/abusers/" + lastAbuser + "/legal-outcome",
            "{\"outcome\":\"CRIMINAL_PROCEEDINGS\",\"on\":\"%s\"}".formatted(now.toLocalDate())));
    String caseId = lastCase;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin.get("/api/v1/cases/" + caseId + "/timeline").json().findValuesAsText("type"),
            t -> t.contains("AbuserRecorded") && t.contains("LegalOutcomeRecorded"));

    String year = String.valueOf(now.getYear());
    String query =
        "/api/v1/statistics/abusers?area=72&from=" + year + "-01-01&to=" + year + "-12-31";
    JsonNode byRelationship =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> admin.get(query + "&by=relationship").json(),
                j -> j.get("total").asLong() == 6);
    assertThat(byRelationship.get("rows").get(0).get("relationship").asText())
        .isEqualTo("STEP_PARENT");
    assertThat(byRelationship.get("rows").get(0).get("value").asLong()).isEqualTo(5);
    JsonNode byOutcome = admin.get(query + "&by=outcome").json();
    assertThat(byOutcome.get("rows").findValuesAsText("outcome"))
        .containsExactlyInAnyOrder("NONE", "CRIMINAL_PROCEEDINGS");

    // a statistician: the neighbour (1) and with it the next smallest row are hidden
    JsonNode hidden =
        new ApiClient(port, "abusers.statistician", "abusers-password")
            .get(query + "&by=relationship")
            .json();
    assertThat(hidden.get("rows").findValues("suppressed")).isNotEmpty();
    assertThat(hidden.toString()).doesNotContain("\"value\":1");
    assertThat(admin.get(query + "&by=name").status()).isEqualTo(422);
  }
}
