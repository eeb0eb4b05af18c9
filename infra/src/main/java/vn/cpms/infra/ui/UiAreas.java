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

  /**
   * The area's name as the registry has it ("Xã Hoà Bình"), or the code when the registry does not
   * know it. The names are read once per request, however many rows a page has.
   */
  public String name(Object code) {
    if (code == null) {
      return null;
    }
    String text = code instanceof vn.cpms.kernel.area.AreaCode a ? a.value() : code.toString();
    return names().getOrDefault(text, text);
  }

  @SuppressWarnings("unchecked")
  private java.util.Map<String, String> names() {
    var request =
        org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
    String key = UiAreas.class.getName() + ".names";
    int scope = org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST;
    Object known = request == null ? null : request.getAttribute(key, scope);
    if (known != null) {
      return (java.util.Map<String, String>) known;
    }
    java.util.Map<String, String> names = new java.util.HashMap<>();
    areas.list().forEach(a -> names.put(a.code().value(), a.name()));
    if (request != null) {
      request.setAttribute(key, names, scope);
    }
    return names;
  }

  /** Every current commune (the hotline escalates anywhere). */
  public List<AreaView> communes() {
    return areas.list().stream()
        .filter(a -> a.successorCode() == null && a.level() == AreaLevel.COMMUNE)
        .sorted(Comparator.comparing(a -> a.code().value()))
        .toList();
  }
}
