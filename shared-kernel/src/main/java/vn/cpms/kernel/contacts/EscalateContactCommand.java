package vn.cpms.kernel.contacts;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegistration;

/**
 * Hands the contact to a commune as a case, about a known child ({@code newChild == null}) or a
 * child registered in the same transaction. The case is reported at the contact's time.
 */
public record EscalateContactCommand(
    @TargetAggregateIdentifier ContactId contactId,
    CaseId caseId,
    ChildId childId,
    ChildRegistration newChild,
    AreaCode areaCode,
    Set<AbuseForm> suspectedForms,
    boolean seriousDanger,
    String description) {}
