package vn.cpms.command.cases;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.CaseStatus;
import vn.cpms.kernel.cases.ReportCaseCommand;
import vn.cpms.kernel.children.ChildFacts;

/**
 * One case of the Decree 56/2017 procedure: a report about a child, and what the protection worker
 * does about it. Created by {@link CaseIntake}, which also registers a new child in the same unit
 * of work.
 */
@Aggregate
public class ChildCase {
  @AggregateIdentifier private CaseId caseId;
  private CaseStatus status;
  private CaseReportedEvent report;

  protected ChildCase() {
    // for Axon: state is rebuilt from events
  }

  ChildCase(ReportCaseCommand command, ChildFacts child, Instant initialAssessmentDueAt) {
    List<AbuseForm> forms = List.copyOf(new TreeSet<>(command.suspectedForms()));
    apply(
        new CaseReportedEvent(
            command.caseId(),
            command.childId(),
            command.reportedAt(),
            command.channel(),
            command.areaCode(),
            forms,
            command.seriousDanger(),
            command.description(),
            command.reporter(),
            child,
            initialAssessmentDueAt,
            command.contactId()));
  }

  /** Whether {@code command} repeats the report this case was created from. */
  boolean isSameReport(ReportCaseCommand command) {
    return report.childId().equals(command.childId())
        && report.reportedAt().equals(command.reportedAt())
        && report.channel() == command.channel()
        && report.areaCode().equals(command.areaCode())
        && report.suspectedForms().equals(List.copyOf(new TreeSet<>(command.suspectedForms())))
        && report.seriousDanger() == command.seriousDanger()
        && Objects.equals(report.description(), command.description())
        && Objects.equals(report.reporter(), command.reporter())
        && Objects.equals(report.contactId(), command.contactId());
  }

  CaseStatus status() {
    return status;
  }

  @EventSourcingHandler
  void on(CaseReportedEvent event) {
    this.caseId = event.caseId();
    this.status = CaseStatus.REPORTED;
    this.report = event;
  }
}
