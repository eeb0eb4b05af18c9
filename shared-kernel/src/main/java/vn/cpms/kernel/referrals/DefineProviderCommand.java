package vn.cpms.kernel.referrals;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.cpms.kernel.area.AreaCode;

/**
 * Adds a provider to the service directory, or changes its entry.
 *
 * @param areaCodes the areas it serves (a province serves everything below it)
 * @param contactPoint how a worker reaches it (an office phone, a desk): never a child's data
 */
public record DefineProviderCommand(
    @TargetAggregateIdentifier ProviderId providerId,
    String name,
    ProviderType type,
    Set<AreaCode> areaCodes,
    String contactPoint) {}
