package vn.cpms.kernel.cases;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.cpms.kernel.children.Sex;

/**
 * Records (or corrects) a person suspected of the abuse: relationship to the child, sex, age group,
 * whether the police were notified — never a name.
 */
public record RecordAbuserCommand(
    @TargetAggregateIdentifier CaseId caseId,
    UUID abuserId,
    AbuserRelationship relationship,
    Sex sex,
    AbuserAgeGroup ageGroup,
    boolean policeNotified,
    @TargetAggregateVersion Long expectedVersion)
    implements CaseCommand {}
