package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.contacts.ContactId;

/**
 * Reports a suspected case of child abuse ({@code POST /api/v1/cases}). The child is either known
 * ({@code newChild == null}) or registered in the same transaction under {@code childId}.
 * Idempotent: the same {@code caseId} with the same content answers the first result.
 */
public record ReportCaseCommand(
    @TargetAggregateIdentifier CaseId caseId,
    ChildId childId,
    ChildRegistration newChild,
    Instant reportedAt,
    Channel channel,
    AreaCode areaCode,
    Set<AbuseForm> suspectedForms,
    boolean seriousDanger,
    String description,
    Reporter reporter,
    ContactId contactId) {
  public ReportCaseCommand {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(childId, "childId");
    Objects.requireNonNull(reportedAt, "reportedAt");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(areaCode, "areaCode");
    suspectedForms = Set.copyOf(suspectedForms);
  }
}
