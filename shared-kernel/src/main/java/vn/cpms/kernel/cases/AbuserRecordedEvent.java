package vn.cpms.kernel.cases;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.children.Sex;

/** A person suspected of the abuse, as statistics count them (no identity). */
@Revision("1")
public record AbuserRecordedEvent(
    CaseId caseId,
    UUID abuserId,
    AbuserRelationship relationship,
    Sex sex,
    AbuserAgeGroup ageGroup,
    boolean policeNotified)
    implements CaseEvent {}
