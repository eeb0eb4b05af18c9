package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cpms.infra.web.cases.CaseStepRequests;
import vn.cpms.infra.web.cases.ChildRequest;
import vn.cpms.infra.web.children.ChildService;
import vn.cpms.infra.web.hotline.ContactService;
import vn.cpms.infra.web.statistics.RegisterController;

/**
 * Each string member of a request that ends in a column of a read model is bounded by that column
 * (issue 15): a longer value is a 422 at the edge, never an event that the projection cannot store
 * and parks for good. The members whose text ends only in the (encrypted) events have the bound of
 * their declaration.
 */
class StorageBoundsIT extends ApplicationIT {
  /** A request member and the column it ends in. */
  record Bound(Class<?> request, String member, String table, String column) {}

  static final List<Bound> BOUNDS =
      List.of(
          new Bound(ChildRequest.class, "fullName", "child_view", "full_name"),
          new Bound(ChildRequest.class, "address", "child_view", "address"),
          new Bound(ChildRequest.class, "ethnicity", "child_view", "ethnicity"),
          new Bound(ChildRequest.class, "sex", "child_view", "sex"),
          new Bound(ChildRequest.GuardianRequest.class, "fullName", "child_view", "guardian_name"),
          new Bound(
              ChildRequest.GuardianRequest.class, "relation", "child_view", "guardian_relation"),
          new Bound(ChildRequest.GuardianRequest.class, "phone", "child_view", "guardian_phone"),
          new Bound(ChildService.SupportRequest.class, "kind", "child_support", "kind"),
          new Bound(ChildService.EndRequest.class, "reason", "child_circumstance", "end_reason"),
          new Bound(ChildService.CircumstanceRequest.class, "group", "child_circumstance", "grp"),
          new Bound(
              ChildService.IncidentRequest.class, "injuryCause", "child_incident", "injury_cause"),
          new Bound(
              CaseStepRequests.PlannedIntervention.class,
              "provider",
              "worklist_intervention",
              "provider"),
          new Bound(
              CaseStepRequests.PlannedIntervention.class, "type", "worklist_intervention", "type"),
          new Bound(
              CaseStepRequests.Assignment.class, "workerUsername", "worklist_case", "assignee"),
          new Bound(
              CaseStepRequests.InitialAssessment.class, "riskLevel", "worklist_case", "risk_level"),
          new Bound(CaseStepRequests.Closure.class, "reason", "worklist_case", "closure_reason"),
          new Bound(ContactService.ContactRequest.class, "channel", "contact", "channel"),
          new Bound(ContactService.ContactRequest.class, "callerType", "contact", "caller_type"),
          new Bound(ContactService.ContactRequest.class, "category", "contact", "category"),
          new Bound(ContactService.ContactRequest.class, "subcategory", "contact", "subcategory"),
          new Bound(ContactService.ContactRequest.class, "areaCode", "contact", "area_code"),
          new Bound(ContactService.ClosureRequest.class, "outcome", "contact", "outcome"),
          new Bound(
              RegisterController.ChildFriendlyRequest.class,
              "decisionNumber",
              "reg_child_friendly",
              "decision_number"),
          new Bound(
              RegisterController.FundEntryRequest.class, "source", "reg_fund_entry", "source"),
          new Bound(
              RegisterController.FundEntryRequest.class, "purpose", "reg_fund_entry", "purpose"),
          new Bound(RegisterController.FundEntryRequest.class, "kind", "reg_fund_entry", "kind"));

  /**
   * The length a column holds: a sealed column (issue 17: personal data stored encrypted, longer
   * than its text) is {@code text} and holds any length.
   */
  int column(String table, String column) {
    List<java.util.Map<String, Object>> found =
        jdbc.queryForList(
            "select data_type, character_maximum_length from information_schema.columns"
                + " where table_name = ? and column_name = ?",
            table,
            column);
    assertThat(found).as("%s.%s exists", table, column).hasSize(1);
    if ("text".equals(found.get(0).get("data_type"))) {
      return Integer.MAX_VALUE;
    }
    Integer n = (Integer) found.get(0).get("character_maximum_length");
    assertThat(n).as("%s.%s exists with a length", table, column).isNotNull();
    return n;
  }

  @Test
  void no_request_member_is_longer_than_the_column_it_ends_in() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Bound b : BOUNDS) {
      Size size = b.request().getDeclaredField(b.member()).getAnnotation(Size.class);
      int stored = column(b.table(), b.column());
      if (size == null || size.max() > stored) {
        wrong.add(
            "%s.%s: @Size(max = %s) but %s.%s holds %d"
                .formatted(
                    b.request().getSimpleName(),
                    b.member(),
                    size == null ? "none" : size.max(),
                    b.table(),
                    b.column(),
                    stored));
      }
    }
    assertThat(wrong).isEmpty();
  }
}
