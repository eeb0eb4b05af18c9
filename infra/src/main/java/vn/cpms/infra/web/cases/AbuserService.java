package vn.cpms.infra.web.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.statistics.SmallCounts;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.RequestValidation;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuserAgeGroup;
import vn.cpms.kernel.cases.AbuserFigures;
import vn.cpms.kernel.cases.AbuserFiguresQuery;
import vn.cpms.kernel.cases.AbuserRelationship;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.LegalOutcome;
import vn.cpms.kernel.cases.RecordAbuserCommand;
import vn.cpms.kernel.cases.RecordLegalOutcomeCommand;
import vn.cpms.kernel.children.Sex;

/**
 * Persons suspected of the abuse and their legal handling (issue 20): recorded on the case with no
 * identity, and counted for the statisticians by relationship, sex, age group, police notified and
 * latest outcome, small counts hidden as for every statistic (docs/statistics.md).
 */
@Service
public class AbuserService {
  static final List<String> DIMENSIONS =
      List.of("relationship", "sex", "ageGroup", "policeNotified", "outcome");

  private final CommandSender commands;
  private final QueryGateway queries;
  private final CallerScope scope;
  private final SmallCounts smallCounts;

  public AbuserService(
      CommandSender commands, QueryGateway queries, CallerScope scope, SmallCounts smallCounts) {
    this.commands = commands;
    this.queries = queries;
    this.scope = scope;
    this.smallCounts = smallCounts;
  }

  /** {@code {id?, relationship, sex, ageGroup, policeNotified}}: never a name. */
  public record AbuserRequest(
      @OptionalMember UUID id,
      @NotBlank
          @Size(max = 20)
          @Code(value = AbuserRelationship.class, list = "abuser-relationship")
          String relationship,
      @NotBlank @Size(max = 10) @Code(value = Sex.class, list = "sex") String sex,
      @NotBlank @Size(max = 20) @Code(value = AbuserAgeGroup.class, list = "abuser-age-group")
          String ageGroup,
      @NotNull Boolean policeNotified) {}

  /** {@code {outcome, on}}. */
  public record OutcomeRequest(
      @NotBlank @Size(max = 30) @Code(value = LegalOutcome.class, list = "legal-outcome")
          String outcome,
      @NotNull LocalDate on) {}

  /** The abuser recorded, with the case's version. */
  public record Recorded(UUID abuserId, long version) {}

  public Recorded record(UUID caseId, Long expectedVersion, AbuserRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    AbuserRelationship relationship =
        body.relationship() == null
            ? null
            : RequestValidation.code(
                v,
                "relationship",
                body.relationship(),
                AbuserRelationship.class,
                "abuser-relationship");
    Sex sex =
        body.sex() == null ? null : RequestValidation.code(v, "sex", body.sex(), Sex.class, "sex");
    AbuserAgeGroup age =
        body.ageGroup() == null
            ? null
            : RequestValidation.code(
                v, "ageGroup", body.ageGroup(), AbuserAgeGroup.class, "abuser-age-group");
    v.throwIfAny();
    UUID id = body.id() == null ? UUID.randomUUID() : body.id();
    CommandSender.Updated updated =
        commands.updated(
            caseId,
            new RecordAbuserCommand(
                new CaseId(caseId),
                id,
                relationship,
                sex,
                age,
                Boolean.TRUE.equals(body.policeNotified()),
                expectedVersion));
    return new Recorded(id, updated.version());
  }

  public CommandSender.Updated outcome(UUID caseId, UUID abuserId, OutcomeRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    LegalOutcome outcome =
        body.outcome() == null
            ? null
            : RequestValidation.code(
                v, "outcome", body.outcome(), LegalOutcome.class, "legal-outcome");
    v.throwIfAny();
    return commands.updated(
        caseId,
        new RecordLegalOutcomeCommand(new CaseId(caseId), abuserId, outcome, body.on(), null));
  }

  /** Counts by one dimension, in the caller's areas; small counts hidden for statisticians. */
  public Map<String, Object> figures(String area, LocalDate from, LocalDate to, String by) {
    Violations v = Violations.collect();
    String dimension = by == null ? "relationship" : by;
    if (!DIMENSIONS.contains(dimension)) {
      v.add("by", "unknown-code", String.join(", ", DIMENSIONS));
    }
    AreaCode areaCode = area == null ? null : CaseRequests.area(v, "area", area);
    LocalDate thisYear = LocalDate.now(VietnamTime.ZONE).withDayOfYear(1);
    LocalDate start = smallCounts.start(from == null ? thisYear : from);
    LocalDate end = smallCounts.end(to == null ? thisYear.plusYears(1).minusDays(1) : to);
    v.throwIfAny();
    Set<AreaCode> areas;
    if (areaCode == null) {
      areas = scope.areas().map(a -> a.codes()).orElse(null);
    } else {
      scope.requireReadable(areaCode);
      areas = scope.expand(Set.of(areaCode)).codes();
    }
    AbuserFigures figures =
        queries
            .query(
                new AbuserFiguresQuery(areas, start, end, dimension),
                ResponseTypes.instanceOf(AbuserFigures.class))
            .join();
    boolean suppress = smallCounts.applies();
    Set<Integer> hidden =
        suppress
            ? SmallCounts.hiddenRows(figures.rows().stream().map(AbuserFigures.Row::count).toList())
            : Set.of();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < figures.rows().size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(dimension, figures.rows().get(i).group());
      vn.cpms.infra.web.statistics.StatisticsService.putCount(
          row, "value", figures.rows().get(i).count(), hidden.contains(i));
      rows.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("measure", "abusers");
    body.put("area", area);
    body.put("from", start);
    body.put("to", end);
    vn.cpms.infra.web.statistics.StatisticsService.putCount(
        body, "total", figures.total(), suppress && SmallCounts.small(figures.total()));
    body.put("rows", rows);
    return body;
  }
}
