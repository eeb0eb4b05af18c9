package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cpms.kernel.VietnamTime;

/**
 * Reporting as a workflow (issue 14): the calendar of a plan's reports, a report submitted as the
 * statistician sees it and downloaded again byte for byte, and the province seeing which communes
 * have submitted.
 */
class ReportFilingIT extends ApplicationIT {
  static final String PASSWORD = "report-filing-password";
  static final String PLAN = "luong-minh-2026-2030";

  @BeforeEach
  void areas() {
    defineArea("72", "PROVINCE", null);
    defineArea("72001", "COMMUNE", "72");
    defineArea("72002", "COMMUNE", "72");
    defineArea("72003", "COMMUNE", "72");
    admin()
        .post(
            "/api/v1/areas/72003/succession",
            "{\"successorCode\":\"72002\",\"effectiveOn\":\"2025-07-01\"}");
    defineUser("statistician.72001", PASSWORD, "STATISTICIAN", "72001");
    defineUser("supervisor.72", PASSWORD, "SUPERVISOR", "72");
  }

  byte[] download(String user, String path) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    (user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  JsonNode annualOf(JsonNode calendar) {
    for (JsonNode row : calendar) {
      if (row.get("plan").asText().equals(PLAN) && row.get("report").asText().equals("ANNUAL")) {
        return row;
      }
    }
    throw new AssertionError("no annual report of " + PLAN + " in " + calendar);
  }

  @Test
  void a_submitted_report_downloads_again_byte_for_byte_and_the_province_sees_who_submitted()
      throws Exception {
    ApiClient statistician = new ApiClient(port, "statistician.72001", PASSWORD);
    JsonNode before =
        annualOf(statistician.get("/api/v1/report-calendar?area=72001&year=2026").json());
    LocalDate due = LocalDate.parse("2026-11-20");
    LocalDate today = LocalDate.now(VietnamTime.ZONE);
    String expected =
        today.getYear() != 2026 || today.isAfter(due)
            ? "OVERDUE"
            : !today.plusDays(14).isBefore(due) ? "DUE_SOON" : "UPCOMING";
    if (today.getYear() < 2026) {
      expected = "UPCOMING";
    }
    assertThat(before.get("dueOn").asText()).isEqualTo("2026-11-20");
    assertThat(before.get("state").asText()).isEqualTo(expected);
    assertThat(before.get("window").asText())
        .as("due 20/11: the plan's own window")
        .isEqualTo("PLAN");
    assertThat(before.get("from").asText()).isEqualTo("2025-11-01");
    assertThat(before.get("to").asText()).isEqualTo("2026-10-31");

    ApiClient.Response submitted =
        statistician.post(
            "/api/v1/reports/" + PLAN + "/2026/submissions",
            "{\"area\":\"72001\",\"format\":\"xlsx\"}");
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    assertThat(submitted.json().get("version").asInt()).isEqualTo(1);
    String file = "/api/v1/reports/" + PLAN + "/2026/submissions/72001/";
    byte[] first =
        await()
            .atMost(Duration.ofSeconds(10))
            .ignoreExceptions()
            .until(() -> download("statistician.72001", file + "latest"), b -> b.length > 0);
    Thread.sleep(1_100);
    assertThat(download("statistician.72001", file + "1")).isEqualTo(first);
    assertThat(download("supervisor.72", file + "latest"))
        .as("the supervisor downloads the version submitted, byte for byte")
        .isEqualTo(first);

    JsonNode who =
        new ApiClient(port, "supervisor.72", PASSWORD)
            .get("/api/v1/reports/" + PLAN + "/2026/submissions?area=72")
            .json();
    assertThat(who.findValuesAsText("areaCode"))
        .as("72003 was merged into 72002 on 1 July 2025: no report of its own for 2026")
        .containsExactly("72", "72001", "72002");
    assertThat(who.findValuesAsText("submitted")).containsExactly("false", "true", "false");
    JsonNode commune = who.get(1);
    assertThat(commune.get("submittedBy").asText()).isEqualTo("statistician.72001");
    assertThat(commune.get("sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first)));

    JsonNode after =
        annualOf(statistician.get("/api/v1/report-calendar?area=72001&year=2026").json());
    assertThat(after.get("state").asText()).isEqualTo("SUBMITTED");
    assertThat(
            statistician.get("/api/v1/reports/" + PLAN + "/2026/submissions/72002/latest").status())
        .as("another commune's report is not the statistician's")
        .isEqualTo(403);
  }
}
