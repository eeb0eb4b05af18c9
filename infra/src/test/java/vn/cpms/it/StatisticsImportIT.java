package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A statistician fills in the population and figures templates and imports them (issue 14): a file
 * with a bad row is refused whole, with the row and the reason in Vietnamese, and nothing saved;
 * corrected, it is recorded and the indicators move.
 */
class StatisticsImportIT extends ApplicationIT {
  static final String PASSWORD = "statistician-68-password";
  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void areas() {
    defineArea("68", "PROVINCE", null);
    defineArea("68001", "COMMUNE", "68");
    defineArea("68002", "COMMUNE", "68");
    defineArea("68003", "COMMUNE", "68");
    admin()
        .post(
            "/api/v1/areas/68003/succession",
            "{\"successorCode\":\"68002\",\"effectiveOn\":\"2025-07-01\"}");
    defineArea("69", "PROVINCE", null);
    defineArea("69001", "COMMUNE", "69");
    defineUser("statistician.68", PASSWORD, "STATISTICIAN", "68");
  }

  HttpResponse<byte[]> send(String method, String path, String type, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            ("statistician.68:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Accept-Language", "vi");
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", type)
          .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static List<List<String>> csv(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "");
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\r\n")) {
      if (!line.isEmpty()) {
        rows.add(new ArrayList<>(List.of(line.split(",", -1))));
      }
    }
    return rows;
  }

  static byte[] csv(List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    rows.forEach(r -> out.append(String.join(",", r)).append("\r\n"));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  JsonNode indicator(String plan, String area, int year, String code) {
    JsonNode all =
        admin().get("/api/v1/indicators?plan=" + plan + "&area=" + area + "&year=" + year).json();
    for (JsonNode i : all) {
      if (i.get("code").asText().equals(code)) {
        return i;
      }
    }
    throw new AssertionError("no " + code);
  }

  @Test
  void a_population_sheet_with_a_bad_row_is_refused_whole_then_imported_once_corrected()
      throws Exception {
    HttpResponse<byte[]> template =
        send("GET", "/api/v1/imports/population/template?area=68&year=2025&format=csv", null, null);
    assertThat(template.statusCode()).isEqualTo(200);
    List<List<String>> rows = csv(template.body());
    assertThat(rows.get(0).subList(0, 5))
        .containsExactly("areaCode", "year", "sex", "age", "count");
    assertThat(rows)
        .as("3 communes x 2 sexes x ages 0-17 and the header: 68003 (merged 1 July 2025) included")
        .hasSize(109);
    HttpResponse<byte[]> later =
        send("GET", "/api/v1/imports/population/template?area=68&year=2026&format=csv", null, null);
    assertThat(csv(later.body())).as("from 2026 the province has two communes").hasSize(73);
    for (List<String> row : rows.subList(1, rows.size())) {
      row.set(4, "10");
    }
    rows.get(5).set(3, "mười"); // sheet row 6: an age that is not a number
    HttpResponse<byte[]> refused =
        send("POST", "/api/v1/imports/population", "text/csv", csv(rows));
    assertThat(refused.statusCode()).isEqualTo(422);
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("detail").asText()).contains("chưa có dòng nào được lưu");
    assertThat(problem.get("refused")).hasSize(1);
    assertThat(problem.get("refused").get(0).get("row").asInt()).isEqualTo(6);
    assertThat(problem.get("refused").get(0).get("field").asText()).isEqualTo("age");
    assertThat(problem.get("refused").get(0).get("message").asText())
        .isEqualTo("Cần một số nguyên.");
    Thread.sleep(500);
    assertThat(indicator("quang-ninh-2021-2030", "68", 2025, "CT9").get("denominator").isNull())
        .as("nothing of the refused file was saved")
        .isTrue();

    rows.get(5).set(3, "4");
    HttpResponse<byte[]> imported =
        send("POST", "/api/v1/imports/population", "text/csv", csv(rows));
    assertThat(imported.statusCode()).as(new String(imported.body())).isEqualTo(200);
    assertThat(JSON.readTree(imported.body()).get("records").asInt())
        .as("three tables")
        .isEqualTo(3);
    JsonNode ct9 =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> indicator("quang-ninh-2021-2030", "68", 2025, "CT9"),
                i -> !i.get("denominator").isNull());
    assertThat(ct9.get("denominator").asDouble())
        .as("3 communes x 2 sexes x ages 0-15 x 10 children, the merged one included")
        .isEqualTo(960.0);
  }

  @Test
  void a_figures_workbook_is_validated_against_the_plan_and_the_statisticians_areas()
      throws Exception {
    HttpResponse<byte[]> template =
        send(
            "GET",
            "/api/v1/imports/figures/template?plan=quang-nam-2024&area=68&year=2024&format=xlsx",
            null,
            null);
    assertThat(template.statusCode()).isEqualTo(200);
    byte[] filled;
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("indicatorCode");
      List<Row> keep = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        String area = row.getCell(0).getStringCellValue();
        if (row.getCell(3).getStringCellValue().equals("T8a")
            && (area.equals("68001") || area.equals("68002"))) {
          row.createCell(4).setCellValue(area.equals("68001") ? 45 : 46);
          row.createCell(5).setCellValue(50);
          keep.add(row);
        }
      }
      for (int r = sheet.getLastRowNum(); r >= 1; r--) {
        if (!keep.contains(sheet.getRow(r))) {
          sheet.removeRow(sheet.getRow(r));
        }
      }
      Row outside = sheet.createRow(sheet.getLastRowNum() + 1);
      outside.createCell(0).setCellValue("69001"); // not the statistician's
      outside.createCell(1).setCellValue(2024);
      outside.createCell(2).setCellValue("quang-nam-2024");
      outside.createCell(3).setCellValue("T8a");
      outside.createCell(6).setCellValue(99);
      book.write(out);
      filled = out.toByteArray();
    }
    String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    HttpResponse<byte[]> refused = send("POST", "/api/v1/imports/figures", xlsx, filled);
    assertThat(refused.statusCode()).isEqualTo(422);
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("refused").findValuesAsText("field")).containsExactly("areaCode");
    assertThat(problem.get("refused").findValuesAsText("code")).containsExactly("area-not-allowed");

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(filled));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.getSheetAt(0);
      sheet.removeRow(sheet.getRow(sheet.getLastRowNum()));
      book.write(out);
      filled = out.toByteArray();
    }
    HttpResponse<byte[]> imported = send("POST", "/api/v1/imports/figures", xlsx, filled);
    assertThat(imported.statusCode()).as(new String(imported.body())).isEqualTo(200);
    JsonNode t8a =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> indicator("quang-nam-2024", "68", 2024, "T8a"),
                i -> i.get("numerator").asDouble() == 91.0);
    assertThat(t8a.get("value").asDouble()).isEqualTo(91.0);
    assertThat(t8a.get("coverage").get("communes").asInt()).isEqualTo(2);
    assertThat(t8a.get("coverage").get("of").asInt())
        .as("68003, merged in 2025, was one of the communes of 2024")
        .isEqualTo(3);
    assertThat(t8a.get("partial").asBoolean()).isTrue();
  }
}
