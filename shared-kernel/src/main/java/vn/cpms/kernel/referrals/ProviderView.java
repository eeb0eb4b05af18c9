package vn.cpms.kernel.referrals;

import java.util.List;
import vn.cpms.kernel.area.AreaCode;

/** A provider as the directory lists it. */
public record ProviderView(
    ProviderId providerId,
    String name,
    ProviderType type,
    List<AreaCode> areaCodes,
    String contactPoint) {
  public ProviderView {
    areaCodes = List.copyOf(areaCodes);
  }
}
