package vn.cpms.kernel.referrals;

import java.util.Set;
import vn.cpms.kernel.area.AreaCode;

/**
 * The providers serving any of {@code areas} (already expanded to the areas above and below; {@code
 * null}: every provider), by name; answers a list of {@link ProviderView}.
 */
public record FindProvidersQuery(Set<AreaCode> areas) {}
