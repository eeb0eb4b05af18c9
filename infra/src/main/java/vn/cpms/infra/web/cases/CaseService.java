package vn.cpms.infra.web.cases;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.web.Answer;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.infra.web.PageResource;
import vn.cpms.infra.web.RequestValidation;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CasePage;
import vn.cpms.kernel.cases.CaseStatus;
import vn.cpms.kernel.cases.CaseView;
import vn.cpms.kernel.cases.FindCaseQuery;
import vn.cpms.kernel.cases.FindCasesQuery;
import vn.cpms.kernel.cases.ReportCaseCommand;
import vn.cpms.kernel.cases.ReportCaseResult;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildSummary;
import vn.cpms.kernel.children.FindChildSummariesQuery;
import vn.cpms.kernel.children.SearchChildrenQuery;

/** Cases of the Decree 56/2017 procedure: report, worklist, case page. */
@org.springframework.stereotype.Service
public class CaseService {
  static final int MAX_PAGE_SIZE = 200;

  private final CommandSender commands;
  private final QueryGateway queries;
  private final CallerScope scope;

  private final vn.cpms.infra.web.KnownAreas known;

  public CaseService(
      CommandSender commands,
      QueryGateway queries,
      CallerScope scope,
      vn.cpms.infra.web.KnownAreas known) {
    this.commands = commands;
    this.queries = queries;
    this.scope = scope;
    this.known = known;
  }

  /** Reports a case; {@code 201} with {@code Location}, or {@code 200} for a repeated report. */
  public Answer<ReportedCase> report(ReportCaseRequest request) {
    ReportCaseCommand command = CaseRequests.toCommand(request);
    Violations areas = Violations.collect();
    scope.requireWithin(areas, "areaCode", command.areaCode());
    java.time.LocalDate on = vn.cpms.kernel.VietnamTime.dateOf(command.reportedAt());
    known.check(areas, "areaCode", command.areaCode(), on);
    if (command.newChild() != null) {
      scope.requireWithin(areas, "child.areaCode", command.newChild().areaCode());
      if (!command.newChild().areaCode().equals(command.areaCode())) {
        known.check(areas, "child.areaCode", command.newChild().areaCode(), on);
      }
    }
    areas.throwIfAny();
    ReportCaseResult result = commands.send(command);
    ReportedCase body =
        new ReportedCase(result.caseId().value(), result.childId().value(), result.version());
    return Answer.created(
        body, result.version(), result.created(), "/api/v1/cases/" + result.caseId());
  }

  public Answer<CaseResource> get(UUID id) {
    CaseView view =
        queries
            .query(
                new FindCaseQuery(new CaseId(id)), ResponseTypes.optionalInstanceOf(CaseView.class))
            .join()
            .filter(found -> scope.allows(found.areaCode()))
            .orElseThrow(() -> new NotFoundException("case"));
    return Answer.of(CaseResource.of(view), view.version());
  }

  /** The worklist, most urgent first, in the Spring Data page shape. */
  public PageResource<CaseResource> list(
      List<String> area, String status, String assignee, Boolean overdue, int page, int size) {
    return list(area, status, assignee, overdue, null, null, page, size);
  }

  /**
   * The worklist narrowed to one case number ({@code caseNumber}, 7 hexadecimal digits) or to the
   * cases of the children whose name has every word of {@code childName} (the caller's areas'
   * children, accents ignored). The name comes from a form's body, never from an address.
   */
  public PageResource<CaseResource> list(
      List<String> area,
      String status,
      String assignee,
      Boolean overdue,
      String caseNumber,
      String childName,
      int page,
      int size) {
    Violations v = Violations.collect();
    if (caseNumber != null && !CaseId.isNumber(caseNumber)) {
      v.add("caseNumber", "invalid-case-number");
    }
    Set<AreaCode> requested = null;
    if (area != null) {
      requested =
          Set.copyOf(
              area.stream()
                  .map(code -> CaseRequests.area(v, "area", code))
                  .filter(a -> a != null)
                  .toList());
    }
    CaseStatus caseStatus =
        status == null
            ? null
            : RequestValidation.code(v, "status", status, CaseStatus.class, "case-status");
    if (page < 0) {
      v.add("page", "out-of-range", 0, Integer.MAX_VALUE);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      v.add("size", "out-of-range", 1, MAX_PAGE_SIZE);
    }
    v.throwIfAny();
    Set<AreaCode> areas = scope.within(requested);
    Set<ChildId> children = childName == null ? null : childrenNamed(childName, areas);
    CasePage result =
        queries
            .query(
                new FindCasesQuery(
                    areas, caseStatus, assignee, overdue, caseNumber, children, page, size),
                ResponseTypes.instanceOf(CasePage.class))
            .join();
    return PageResource.of(
        result.items().stream().map(CaseResource::of).toList(),
        result.page(),
        result.size(),
        result.totalElements());
  }

  private Set<ChildId> childrenNamed(String name, Set<AreaCode> areas) {
    return queries
        .query(
            new SearchChildrenQuery(name.strip(), areas, MAX_PAGE_SIZE),
            ResponseTypes.multipleInstancesOf(ChildSummary.class))
        .join()
        .stream()
        .map(ChildSummary::childId)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** The names of the children of a page of cases, by child id (erased children have none). */
  public java.util.Map<UUID, String> childNames(List<CaseResource> page) {
    if (page.isEmpty()) {
      return java.util.Map.of();
    }
    Set<ChildId> ids =
        page.stream()
            .map(c -> new ChildId(c.child().id()))
            .collect(java.util.stream.Collectors.toSet());
    java.util.Map<UUID, String> names = new java.util.HashMap<>();
    queries
        .query(
            new FindChildSummariesQuery(ids), ResponseTypes.multipleInstancesOf(ChildSummary.class))
        .join()
        .forEach(
            c -> {
              if (c.fullName() != null) {
                names.put(c.childId().value(), c.fullName());
              }
            });
    return names;
  }

  /** The answer to a report. */
  public record ReportedCase(UUID id, UUID childId, long version) {}
}
