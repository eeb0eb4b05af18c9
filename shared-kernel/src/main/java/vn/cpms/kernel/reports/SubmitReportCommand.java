package vn.cpms.kernel.reports;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.cpms.kernel.area.AreaCode;

/**
 * Submits a plan's report for a period and area: the file as produced (only aggregate figures,
 * suppressed as the submitter sees them), with its window and {@code asOf}, so that the submitted
 * version can be downloaded again byte for byte. A later submission is a new version.
 */
public record SubmitReportCommand(
    String planId,
    String period,
    AreaCode areaCode,
    String window,
    LocalDate from,
    LocalDate to,
    Instant asOf,
    String fileName,
    String mediaType,
    byte[] content) {
  @TargetAggregateIdentifier
  public String submissionId() {
    return "report:" + planId + ":" + period + ":" + areaCode;
  }
}
