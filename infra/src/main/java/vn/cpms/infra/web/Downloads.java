package vn.cpms.infra.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.cpms.infra.statistics.PlanReports;

/** Files to download, for the API and the pages alike: reports, filed reports, templates. */
public final class Downloads {
  public static final MediaType XLSX = PlanReports.XLSX;

  private Downloads() {}

  /** A report file as an attachment. */
  public static ResponseEntity<byte[]> file(PlanReports.File file) {
    return attachment(file.content(), file.type(), file.name());
  }

  /** A file to download: its content, type and name (UTF-8 in {@code Content-Disposition}). */
  public static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body);
  }

  /** An import template (CSV or XLSX) as an attachment. */
  public static ResponseEntity<byte[]> template(
      vn.cpms.infra.statistics.ImportTemplates.File file) {
    return attachment(
        file.content(),
        file.xlsx() ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8),
        file.name());
  }
}
