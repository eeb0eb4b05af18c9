package vn.cpms.kernel.alerts;

import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/**
 * The death alerts of {@code areas} ({@code null}: everywhere) that {@code username} has not
 * acknowledged ({@code null}: every alert), newest first; answers a list of {@link DeathAlertView}.
 */
public record FindDeathAlertsQuery(Set<AreaCode> areas, String username) {}
