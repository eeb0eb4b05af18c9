package vn.cpms.infra.statistics;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaLevel;
import vn.cpms.kernel.area.AreaView;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.statistics.Plan;

/**
 * The sheets a statistician fills in and imports: one row per commune of the area (those that
 * existed on 1 January of the year, merged ones included), sex and age for the population; one row
 * per commune (and the area itself) and indicator of the plan that other sectors report for the
 * figures. Columns after the importable ones (names, units, titles) help the reader and are ignored
 * on import.
 */
@Component
public class ImportTemplates {
  private final StatisticsImports imports;

  public ImportTemplates(StatisticsImports imports) {
    this.imports = imports;
  }

  /** A file: its name and content. */
  public record File(String name, byte[] content, boolean xlsx) {}

  public File population(AreaCode area, int year, boolean xlsx) {
    Map<String, AreaView> areas = imports.areas();
    List<String> headers = new ArrayList<>(StatisticsImports.POPULATION_COLUMNS);
    headers.add("areaName");
    List<List<Object>> rows = new ArrayList<>();
    for (AreaView commune : communes(area, year, areas)) {
      for (Sex sex : List.of(Sex.FEMALE, Sex.MALE)) {
        for (int age = 0; age <= 17; age++) {
          rows.add(row(commune.code().value(), year, sex.name(), age, null, commune.name()));
        }
      }
    }
    return file("dan-so-" + area + "-" + year, "Dân số trẻ em", headers, rows, xlsx);
  }

  public File figures(Plan plan, AreaCode area, int year, boolean xlsx) {
    Map<String, AreaView> areas = imports.areas();
    List<String> headers = new ArrayList<>(StatisticsImports.FIGURE_COLUMNS);
    headers.addAll(List.of("unit", "title", "areaName"));
    List<AreaView> places = new ArrayList<>();
    if (areas.containsKey(area.value())) {
      places.add(areas.get(area.value()));
    }
    communes(area, year, areas).stream().filter(c -> !c.code().equals(area)).forEach(places::add);
    List<List<Object>> rows = new ArrayList<>();
    for (AreaView place : places) {
      for (Plan.Indicator indicator : plan.indicators()) {
        if ("FIGURES".equals(indicator.source())) {
          rows.add(
              row(
                  place.code().value(),
                  year,
                  plan.id(),
                  indicator.code(),
                  null,
                  null,
                  null,
                  indicator.unit(),
                  indicator.title(),
                  place.name()));
        }
      }
    }
    return file("so-lieu-" + plan.id() + "-" + area + "-" + year, "Số liệu", headers, rows, xlsx);
  }

  /** The communes of {@code area} (itself if a commune) that existed on 1 January of the year. */
  public static List<AreaView> communes(AreaCode area, int year, Map<String, AreaView> areas) {
    LocalDate start = LocalDate.of(year, 1, 1);
    List<AreaView> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(area.value()));
    while (!todo.isEmpty()) {
      String code = todo.pop();
      if (!seen.add(code)) {
        continue;
      }
      AreaView view = areas.get(code);
      if (view != null
          && view.level() == AreaLevel.COMMUNE
          && (view.successionEffectiveOn() == null
              || view.successionEffectiveOn().isAfter(start))) {
        found.add(view);
      }
      for (AreaView other : areas.values()) {
        boolean below =
            (other.successorCode() != null && other.successorCode().value().equals(code))
                || (other.successorCode() == null
                    && other.parentCode() != null
                    && other.parentCode().value().equals(code));
        if (below) {
          todo.push(other.code().value());
        }
      }
    }
    found.sort(java.util.Comparator.comparing(a -> a.code().value()));
    return found;
  }

  private static List<Object> row(Object... cells) {
    List<Object> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(cell);
    }
    return row;
  }

  private static File file(
      String name, String sheet, List<String> headers, List<List<Object>> rows, boolean xlsx) {
    return xlsx
        ? new File(name + ".xlsx", Sheets.xlsx(sheet, headers, rows), true)
        : new File(name + ".csv", Sheets.csv(headers, rows), false);
  }
}
