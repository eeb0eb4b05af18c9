package vn.cpms.infra.axon;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configurable limits of the case procedure and the working-day calendar.
 *
 * @param seriousDangerLimit initial assessment limit when the child is in serious danger (PT12H)
 * @param initialAssessmentWorkingDays initial assessment limit otherwise (3 working days)
 * @param planWorkingDays support plan limit after the initial assessment (5 working days)
 * @param extraDaysOff days off decided by the government beyond the computed holidays
 * @param extraWorkingDays weekend days made working days (swapped days)
 */
@ConfigurationProperties("cpms.cases")
public record CaseRulesProperties(
    Duration seriousDangerLimit,
    Integer initialAssessmentWorkingDays,
    Integer planWorkingDays,
    List<LocalDate> extraDaysOff,
    List<LocalDate> extraWorkingDays) {
  public CaseRulesProperties {
    seriousDangerLimit = seriousDangerLimit == null ? Duration.ofHours(12) : seriousDangerLimit;
    initialAssessmentWorkingDays =
        initialAssessmentWorkingDays == null ? 3 : initialAssessmentWorkingDays;
    planWorkingDays = planWorkingDays == null ? 5 : planWorkingDays;
    extraDaysOff = extraDaysOff == null ? List.of() : List.copyOf(extraDaysOff);
    extraWorkingDays = extraWorkingDays == null ? List.of() : List.copyOf(extraWorkingDays);
  }
}
