package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The history of a case, oldest first. */
public record CaseTimeline(CaseId caseId, List<Entry> entries) {
  public CaseTimeline {
    entries = List.copyOf(entries);
  }

  /**
   * One event: what ({@code type}, e.g. {@code CaseAssigned}, and non-personal {@code details} such
   * as codes and dates), when it was recorded, who recorded it ({@code system} for a clock).
   */
  public record Entry(
      long sequence,
      String type,
      Instant occurredAt,
      String recordedBy,
      Map<String, String> details) {
    public Entry {
      details = Map.copyOf(details);
    }
  }
}
