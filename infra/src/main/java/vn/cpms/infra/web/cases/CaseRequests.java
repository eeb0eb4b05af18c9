package vn.cpms.infra.web.cases;

import static vn.cpms.infra.web.RequestValidation.code;
import static vn.cpms.infra.web.RequestValidation.codes;
import static vn.cpms.infra.web.RequestValidation.maxLength;
import static vn.cpms.infra.web.RequestValidation.parsed;
import static vn.cpms.infra.web.RequestValidation.required;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.ReportCaseCommand;
import vn.cpms.kernel.cases.Reporter;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Guardian;
import vn.cpms.kernel.children.Sex;

/** Turns case requests into commands, reporting every invalid field at once (HTTP 422). */
public final class CaseRequests {
  static final int MAX_NAME = 200;
  static final int MAX_TEXT = 10_000;

  private CaseRequests() {}

  static ReportCaseCommand toCommand(ReportCaseRequest r) {
    Violations v = Violations.collect();
    v.addAll(vn.cpms.infra.web.DeclaredRules.violations(r));
    required(v, "reportedAt", r.reportedAt());
    Channel channel = code(v, "channel", r.channel(), Channel.class, "channel");
    AreaCode area = area(v, "areaCode", r.areaCode());
    if (r.suspectedForms() == null || r.suspectedForms().isEmpty()) {
      v.add("suspectedForms", "required");
    }
    List<AbuseForm> forms =
        codes(v, "suspectedForms", r.suspectedForms(), AbuseForm.class, "abuse-form");
    required(v, "seriousDanger", r.seriousDanger());
    required(v, "description", r.description());
    maxLength(v, "description", r.description(), MAX_TEXT);
    Reporter reporter = null;
    if (r.reporter() != null) {
      maxLength(v, "reporter.fullName", r.reporter().fullName(), MAX_NAME);
      maxLength(v, "reporter.phone", r.reporter().phone(), 30);
      reporter =
          new Reporter(r.reporter().fullName(), r.reporter().relation(), r.reporter().phone());
    }
    CaseId caseId = r.id() == null ? CaseId.random() : new CaseId(r.id());
    ChildId childId = null;
    ChildRegistration newChild = null;
    if (required(v, "child", r.child())) {
      if (r.child().id() != null) {
        childId = new ChildId(r.child().id());
      } else {
        newChild = registration(Violations.under("child"), r.child(), true, area, v);
        // A new child's id follows from the case id, so that sending the same report again
        // (idempotent create) finds the same child instead of registering a second one.
        childId = r.id() == null ? ChildId.random() : childOf(caseId);
      }
    }
    v.throwIfAny();
    return new ReportCaseCommand(
        caseId,
        childId,
        newChild,
        r.reportedAt().toInstant(),
        channel,
        area,
        new HashSet<>(forms),
        r.seriousDanger(),
        r.description(),
        reporter,
        null);
  }

  /**
   * The registration of a new child; with {@code inheritsArea} (a child given inline with a case) a
   * missing area is the case's, otherwise it is required.
   */
  public static ChildRegistration registration(
      Violations child, ChildRequest c, boolean inheritsArea, AreaCode caseArea, Violations all) {
    required(child, "fullName", c.fullName());
    maxLength(child, "fullName", c.fullName(), MAX_NAME);
    if (c.birthDate() == null && c.ageYears() == null) {
      child.add("birthDate", "birth-date-or-age-required");
    }
    Sex sex = code(child, "sex", c.sex(), Sex.class, "sex");
    // required, like disability (API.md): "00" says the ethnicity is not known
    Ethnicity ethnicity =
        parsed(
            child, "ethnicity", c.ethnicity(), Ethnicity::isValid, Ethnicity::of, "unknown-code");
    required(child, "disability", c.disability());
    AreaCode area =
        c.areaCode() == null && inheritsArea ? caseArea : area(child, "areaCode", c.areaCode());
    maxLength(child, "address", c.address(), 500);
    Guardian guardian = null;
    if (c.guardian() != null) {
      maxLength(child, "guardian.fullName", c.guardian().fullName(), MAX_NAME);
      maxLength(child, "guardian.phone", c.guardian().phone(), 30);
      maxLength(child, "guardian.relation", c.guardian().relation(), 50);
      guardian =
          new Guardian(c.guardian().fullName(), c.guardian().relation(), c.guardian().phone());
    }
    all.addAll(child.list());
    if (!child.isEmpty() || sex == null || area == null || ethnicity == null) {
      return null;
    }
    return new ChildRegistration(
        c.fullName().strip(),
        c.birthDate(),
        c.ageYears(),
        sex,
        ethnicity,
        Boolean.TRUE.equals(c.disability()),
        area,
        c.address(),
        guardian);
  }

  /** The area code of {@code field}, or a 422 naming it. */
  public static AreaCode area(String field, String code) {
    Violations v = Violations.collect();
    AreaCode area = area(v, field, code);
    v.throwIfAny();
    return area;
  }

  public static AreaCode area(Violations v, String field, String code) {
    return parsed(v, field, code, AreaCode::isValid, AreaCode::of, "invalid-area-code");
  }

  public static ChildId childOf(CaseId caseId) {
    return new ChildId(
        UUID.nameUUIDFromBytes(("child-of-case:" + caseId).getBytes(StandardCharsets.UTF_8)));
  }
}
