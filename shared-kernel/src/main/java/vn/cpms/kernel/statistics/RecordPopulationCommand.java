package vn.cpms.kernel.statistics;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.cpms.kernel.area.AreaCode;

/** The child population of an area on 1 January of {@code year}; replaces that year's figures. */
public record RecordPopulationCommand(AreaCode areaCode, int year, List<PopulationRow> rows) {
  public RecordPopulationCommand {
    rows = List.copyOf(rows);
  }

  @TargetAggregateIdentifier
  public String tableId() {
    return areaCode + ":" + year;
  }
}
