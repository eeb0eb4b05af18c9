package vn.cpms.kernel.reports;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;

/**
 * A plan's report for a period and area was submitted (version 1, 2, … for corrections): its
 * window, {@code asOf}, the file as submitted and its SHA-256; who submitted it is the event's
 * {@code username}, when its timestamp.
 */
@Revision("1")
public record ReportSubmittedEvent(
    String planId,
    String period,
    AreaCode areaCode,
    int version,
    String window,
    LocalDate from,
    LocalDate to,
    Instant asOf,
    String fileName,
    String mediaType,
    byte[] content,
    String sha256) {}
