package vn.cpms.kernel.cases;

import java.time.Instant;
import java.util.List;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.contacts.ContactId;

/**
 * A case as the worklist and the case page show it.
 *
 * @param version the version of the case (the sequence number of its last event), for {@code
 *     If-Match}
 * @param initialAssessmentOverdue the initial assessment is due and not recorded
 */
public record CaseView(
    CaseId caseId,
    ChildId childId,
    CaseStatus status,
    AreaCode areaCode,
    Channel channel,
    Instant reportedAt,
    List<AbuseForm> suspectedForms,
    boolean seriousDanger,
    String description,
    Sex childSex,
    Integer childAgeYears,
    String assignee,
    Instant initialAssessmentDueAt,
    boolean initialAssessmentOverdue,
    ContactId contactId,
    long version) {}
