package vn.cpms.kernel.reports;

import java.time.Instant;
import java.time.LocalDate;

/** A submitted report as the read model keeps it ({@code content} only when asked for). */
public record ReportSubmission(
    String planId,
    String period,
    String areaCode,
    int version,
    String window,
    LocalDate from,
    LocalDate to,
    Instant asOf,
    String fileName,
    String mediaType,
    String sha256,
    String submittedBy,
    Instant submittedAt,
    byte[] content) {}
