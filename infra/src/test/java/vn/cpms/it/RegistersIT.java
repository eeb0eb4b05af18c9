package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registers the plans count (issue 14): child-friendly communes per year with their decision,
 * and the child protection fund, both recorded as events and feeding their indicators.
 */
class RegistersIT extends ApplicationIT {
  static final String PASSWORD = "statistician-70-password";
  static final List<String> COMMUNES = List.of("70001", "70002", "70003", "70004", "70005");

  @BeforeEach
  void areas() {
    defineArea("70", "PROVINCE", null);
    COMMUNES.forEach(c -> defineArea(c, "COMMUNE", "70"));
    defineUser("statistician.70", PASSWORD, "STATISTICIAN", "70");
  }

  ApiClient statistician() {
    return new ApiClient(port, "statistician.70", PASSWORD);
  }

  JsonNode indicator(String plan, String code, int year) {
    for (JsonNode i :
        admin().get("/api/v1/indicators?plan=" + plan + "&area=70&year=" + year).json()) {
      if (i.get("code").asText().equals(code)) {
        return i;
      }
    }
    throw new AssertionError(code);
  }

  ApiClient.Response recognise(String commune, boolean yes) {
    return statistician()
        .put(
            "/api/v1/child-friendly-communes/" + commune + "/2024",
            yes
                ? "{\"childFriendly\":true,\"decisionNumber\":\"12/QĐ-UBND\",\"decidedOn\":\"2024-09-01\"}"
                : "{\"childFriendly\":false}");
  }

  @Test
  void four_of_five_communes_child_friendly_is_80_percent_until_one_is_corrected() {
    for (String commune : COMMUNES) {
      ApiClient.Response r = recognise(commune, !commune.equals("70005"));
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.header("Consistency-Position")).isNotNull();
    }
    assertThat(
            statistician()
                .put(
                    "/api/v1/population/70001/2024",
                    "{\"rows\":[{\"sex\":\"FEMALE\",\"age\":3,\"count\":40}]}")
                .status())
        .as("the commune's population of the same year is another record (ids do not collide)")
        .isEqualTo(204);
    JsonNode t5 =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> indicator("quang-nam-2024", "T5", 2024),
                i ->
                    i.get("denominator").asDouble() == 5.0 && i.get("numerator").asDouble() == 4.0);
    assertThat(t5.get("numerator").asDouble()).isEqualTo(4.0);
    assertThat(t5.get("denominator").asDouble()).isEqualTo(5.0);
    assertThat(t5.get("value").asDouble()).as("4 of 5 communes").isEqualTo(80.0);
    assertThat(t5.get("status").asText()).as("at least 80 %").isEqualTo("ON_TRACK");
    assertThat(t5.get("source").asText()).isEqualTo("REGISTER");
    assertThat(indicator("van-quan-2024", "T9", 2024).get("value").asDouble())
        .as("a count target counts the communes")
        .isEqualTo(4.0);

    JsonNode list = statistician().get("/api/v1/child-friendly-communes?area=70&year=2024").json();
    assertThat(list.findValuesAsText("communeCode")).containsExactlyElementsOf(COMMUNES);
    assertThat(list.get(0).get("decisionNumber").asText()).isEqualTo("12/QĐ-UBND");

    assertThat(recognise("70004", false).status()).isEqualTo(200);
    JsonNode corrected =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> indicator("quang-nam-2024", "T5", 2024),
                i -> i.get("value").asDouble() == 60.0);
    assertThat(corrected.get("status").asText()).isEqualTo("OFF_TRACK");

    ApiClient.Response noDecision =
        statistician()
            .put("/api/v1/child-friendly-communes/70001/2024", "{\"childFriendly\":true}");
    assertThat(noDecision.status()).isEqualTo(422);
    assertThat(noDecision.json().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("decisionNumber", "decidedOn");
    assertThat(
            statistician()
                .put("/api/v1/child-friendly-communes/70/2024", "{\"childFriendly\":false}")
                .status())
        .as("a province is not a commune")
        .isEqualTo(422);

    // 70005 merged into 70004 on 1 July 2025: still one of the five communes of 2024, not of 2026.
    assertThat(
            admin()
                .post(
                    "/api/v1/areas/70005/succession",
                    "{\"successorCode\":\"70004\",\"effectiveOn\":\"2025-07-01\"}")
                .status())
        .isIn(200, 204);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                statistician()
                    .get("/api/v1/child-friendly-communes?area=70&year=2026")
                    .json()
                    .size(),
            n -> n == 4);
    assertThat(indicator("quang-nam-2024", "T5", 2024).get("denominator").asDouble())
        .isEqualTo(5.0);
  }

  @Test
  void contributions_of_5_5_billion_meet_the_5_billion_fund_target() {
    UUID first = UUID.randomUUID();
    String body =
        "{\"id\":\"%s\",\"kind\":\"CONTRIBUTION\",\"amountVnd\":2000000000,\"on\":\"2024-03-01\",\"source\":\"Doanh nghiệp tổng hợp\"}"
            .formatted(first);
    assertThat(statistician().post("/api/v1/child-protection-fund/70/entries", body).status())
        .isEqualTo(201);
    assertThat(statistician().post("/api/v1/child-protection-fund/70/entries", body).status())
        .as("the same entry again changes nothing")
        .isEqualTo(201);
    assertThat(
            statistician()
                .post(
                    "/api/v1/child-protection-fund/70/entries",
                    body.replace("2000000000", "1000000000"))
                .status())
        .as("another entry with the same id")
        .isEqualTo(409);
    statistician()
        .post(
            "/api/v1/child-protection-fund/70001/entries",
            "{\"kind\":\"CONTRIBUTION\",\"amountVnd\":3500000000,\"on\":\"2024-06-01\",\"source\":\"Vận động\"}");
    statistician()
        .post(
            "/api/v1/child-protection-fund/70/entries",
            "{\"kind\":\"DISBURSEMENT\",\"amountVnd\":300000000,\"on\":\"2024-07-01\",\"purpose\":\"Học bổng\"}");
    JsonNode t6 =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> indicator("quang-nam-2024", "T6", 2024),
                i -> i.get("value").asDouble() == 5_500_000_000.0);
    assertThat(t6.get("status").asText()).isEqualTo("ON_TRACK");
    JsonNode fund =
        statistician().get("/api/v1/child-protection-fund/70?from=2024-01-01&to=2024-12-31").json();
    assertThat(fund.get("contributionsVnd").asLong()).isEqualTo(5_500_000_000L);
    assertThat(fund.get("disbursementsVnd").asLong()).isEqualTo(300_000_000L);
    assertThat(fund.get("balanceVnd").asLong()).isEqualTo(5_200_000_000L);
    assertThat(fund.get("entries")).hasSize(3);
  }
}
