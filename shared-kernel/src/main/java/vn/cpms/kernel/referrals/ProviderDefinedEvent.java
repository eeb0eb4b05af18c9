package vn.cpms.kernel.referrals;

import java.util.Set;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;

/** A provider of the service directory was defined, or its entry changed. */
@Revision("1")
public record ProviderDefinedEvent(
    ProviderId providerId,
    String name,
    ProviderType type,
    Set<AreaCode> areaCodes,
    String contactPoint) {
  public ProviderDefinedEvent {
    areaCodes = Set.copyOf(areaCodes);
  }
}
