package vn.cpms.kernel.cases;

import java.time.LocalDate;
import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/**
 * Persons suspected of abuse recorded on the cases reported in {@code areas} ({@code null}:
 * everywhere) from {@code from} to {@code to} (report dates, Vietnam), counted by {@code by}:
 * {@code relationship}, {@code sex}, {@code ageGroup}, {@code policeNotified} or {@code outcome}
 * (the latest, {@code NONE} when none is recorded); answers {@link AbuserFigures}.
 */
public record AbuserFiguresQuery(Set<AreaCode> areas, LocalDate from, LocalDate to, String by) {}
