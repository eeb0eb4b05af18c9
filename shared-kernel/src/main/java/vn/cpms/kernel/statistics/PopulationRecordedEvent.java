package vn.cpms.kernel.statistics;

import java.util.List;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;

/** An area's child population for a year was recorded (replacing any earlier figures). */
@Revision("1")
public record PopulationRecordedEvent(AreaCode areaCode, int year, List<PopulationRow> rows) {
  public PopulationRecordedEvent {
    rows = List.copyOf(rows);
  }
}
