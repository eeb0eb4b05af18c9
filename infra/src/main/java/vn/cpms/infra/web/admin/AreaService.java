package vn.cpms.infra.web.admin;

import static vn.cpms.infra.web.RequestValidation.code;
import static vn.cpms.infra.web.RequestValidation.maxLength;
import static vn.cpms.infra.web.RequestValidation.required;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.Reference;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaLevel;
import vn.cpms.kernel.area.AreaView;
import vn.cpms.kernel.area.DefineAreaCommand;
import vn.cpms.kernel.area.FindAreasQuery;
import vn.cpms.kernel.area.RecordAreaSuccessionCommand;

/** The administrative areas (ADMIN writes, every user reads). */
@org.springframework.stereotype.Service
public class AreaService {
  private final CommandSender commands;
  private final QueryGateway queries;
  private final vn.cpms.infra.security.CallerScope scope;

  public AreaService(
      CommandSender commands, QueryGateway queries, vn.cpms.infra.security.CallerScope scope) {
    this.commands = commands;
    this.queries = queries;
    this.scope = scope;
  }

  /** {@code {name, level, parentCode}}. */
  public record AreaRequest(
      @NotBlank @Size(max = 200) @FreeText String name,
      @NotBlank @Size(max = 10) @Code(value = AreaLevel.class, list = "area-level") String level,
      @OptionalMember @Size(max = 5) @Reference("area") String parentCode) {}

  public void define(String code, AreaRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    AreaCode area = CaseRequests.area(v, "code", code);
    required(v, "name", body.name());
    maxLength(v, "name", body.name(), 200);
    AreaLevel level = code(v, "level", body.level(), AreaLevel.class, "area-level");
    AreaCode parent =
        body.parentCode() == null ? null : CaseRequests.area(v, "parentCode", body.parentCode());
    // An admin with areas defines areas only below theirs (issue 16); a province is a national
    // admin's. That an existing area lies inside the sender's areas is checked where the area
    // is, by the registry on the command side (AreaAdministration), never on a read model.
    if (scope.areas().isPresent() && parent == null) {
      v.add("parentCode", "area-not-allowed");
    }
    scope.requireWithin(v, "parentCode", parent);
    v.throwIfAny();
    commands.send(new DefineAreaCommand(area, body.name(), level, parent));
  }

  /** {@code {successorCode, effectiveOn}}. */
  public record SuccessionRequest(
      @NotBlank @Size(max = 5) @Reference("area") String successorCode,
      @NotNull LocalDate effectiveOn) {}

  public void succession(String code, SuccessionRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    AreaCode area = CaseRequests.area(v, "code", code);
    AreaCode successor = CaseRequests.area(v, "successorCode", body.successorCode());
    required(v, "effectiveOn", body.effectiveOn());
    scope.requireWithin(v, "code", area);
    scope.requireWithin(v, "successorCode", successor);
    v.throwIfAny();
    commands.send(new RecordAreaSuccessionCommand(area, successor, body.effectiveOn()));
  }

  public List<AreaView> list() {
    return queries
        .query(new FindAreasQuery(), ResponseTypes.multipleInstancesOf(AreaView.class))
        .join();
  }
}
