package vn.cpms.command.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import vn.cpms.command.CreateConflict;
import vn.cpms.command.children.Child;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.Violation;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.cases.ReportCaseCommand;
import vn.cpms.kernel.cases.ReportCaseResult;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.FollowChildCaseCommand;

/**
 * Receives a report (Decree 56/2017 art. 21): registers the child when it is new and opens the
 * case, both in one unit of work, so that a failure leaves neither behind. A report sent again with
 * the same case id and the same content answers the first result and writes nothing: a new report
 * reads nothing (no snapshot, no events), and only once its events were refused because the case
 * exists is it sent again, marked, to be compared with the stored one ({@link CreateConflict}).
 */
public class CaseIntake {
  /** Clocks drift: a report a few minutes "in the future" is accepted. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final Repository<ChildCase> cases;
  private final Repository<Child> children;
  private final CaseDeadlines deadlines;
  private final Clock clock;

  public CaseIntake(
      Repository<ChildCase> cases,
      Repository<Child> children,
      CaseDeadlines deadlines,
      Clock clock) {
    this.cases = cases;
    this.children = children;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @CommandHandler
  public ReportCaseResult handle(
      ReportCaseCommand command, MetaData metaData, DeadlineManager deadlineManager)
      throws Exception {
    if (CreateConflict.existing(metaData)) {
      Optional<Aggregate<ChildCase>> existing = find(cases, command.caseId().toString());
      if (existing.isPresent()) {
        return repeated(command, existing.get());
      }
    }
    validate(command);
    LocalDate reportDate = VietnamTime.dateOf(command.reportedAt());
    ChildFacts facts;
    Aggregate<Child> child;
    if (command.newChild() != null) {
      child =
          children.newInstance(
              () -> new Child(command.childId(), command.newChild(), reportDate, clock, "child"));
      facts = child.invoke(c -> c.factsOn(reportDate));
    } else {
      // a child the sender may not see answers exactly as one that does not exist (issue 16)
      child =
          find(children, command.childId().toString())
              .filter(found -> found.invoke(c -> c.allows(metaData)))
              .orElseThrow(
                  () -> new InvalidInputException(Violation.of("child.id", "unknown-child")));
      if (child.invoke(Child::isErased)) {
        throw new RuleViolationException(
            "child.erased"); // issue 17: nothing new on an erased child
      }
      facts = child.invoke(c -> c.factsOn(reportDate));
    }
    // the child follows its new case in this transaction: the policy ChildFollowsCase, which
    // would load the child and store this in a transaction of its own, is told so (issue 21)
    child.execute(
        c ->
            c.follow(
                new FollowChildCaseCommand(
                    command.childId(), command.caseId(), command.areaCode(), true)));
    var due = deadlines.initialAssessmentDue(command.reportedAt(), command.seriousDanger());
    Aggregate<ChildCase> created =
        cases.newInstance(() -> new ChildCase(command, facts, due, deadlineManager));
    return new ReportCaseResult(command.caseId(), command.childId(), created.version(), true);
  }

  private void validate(ReportCaseCommand command) {
    Violations violations = Violations.collect();
    if (command.reportedAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
      violations.add("reportedAt", "future-date");
    }
    if (command.suspectedForms().isEmpty()) {
      violations.add("suspectedForms", "required");
    }
    violations.throwIfAny();
  }

  private ReportCaseResult repeated(ReportCaseCommand command, Aggregate<ChildCase> existing) {
    boolean sameCase = existing.invoke(c -> c.isSameReport(command));
    boolean sameChild =
        command.newChild() == null
            || find(children, command.childId().toString())
                .map(child -> child.invoke(c -> c.isRegisteredAs(command.newChild())))
                .orElse(false);
    if (!sameCase || !sameChild) {
      throw new RuleViolationException("case.id-reused", command.caseId());
    }
    return new ReportCaseResult(command.caseId(), command.childId(), existing.version(), false);
  }

  private static <T> Optional<Aggregate<T>> find(Repository<T> repository, String id) {
    try {
      return Optional.of(repository.load(id));
    } catch (AggregateNotFoundException e) {
      return Optional.empty();
    }
  }
}
