package vn.cpms.infra.ui;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.web.admin.AreaService;
import vn.cpms.kernel.area.AreaLevel;
import vn.cpms.kernel.area.AreaView;

/** The areas a form may offer: those of the signed-in user (everything for an operator). */
@Component("uiAreas")
public class UiAreas {
  private final AreaService areas;
  private final CallerScope scope;

  public UiAreas(AreaService areas, CallerScope scope) {
    this.areas = areas;
    this.scope = scope;
  }

  /** The user's areas, provinces first, then by code. */
  public List<AreaView> mine() {
    return areas.list().stream()
        .filter(a -> a.successorCode() == null && scope.allows(a.code()))
        .sorted(
            Comparator.comparing((AreaView a) -> a.level().ordinal())
                .thenComparing(a -> a.code().value()))
        .toList();
  }

  /** Communes the user may report in. */
  public List<AreaView> myCommunes() {
    return mine().stream().filter(a -> a.level() == AreaLevel.COMMUNE).toList();
  }

  /** Every current commune (the hotline escalates anywhere). */
  public List<AreaView> communes() {
    return areas.list().stream()
        .filter(a -> a.successorCode() == null && a.level() == AreaLevel.COMMUNE)
        .sorted(Comparator.comparing(a -> a.code().value()))
        .toList();
  }
}
