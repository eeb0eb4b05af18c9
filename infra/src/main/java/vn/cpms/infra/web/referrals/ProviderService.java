package vn.cpms.infra.web.referrals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.KnownAreas;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.Reference;
import vn.cpms.infra.web.RequestValidation;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.referrals.DefineProviderCommand;
import vn.cpms.kernel.referrals.FindProvidersQuery;
import vn.cpms.kernel.referrals.ProviderId;
import vn.cpms.kernel.referrals.ProviderType;
import vn.cpms.kernel.referrals.ProviderView;

/**
 * The service directory (issue 20): providers with their type, the areas they serve and a contact
 * point, defined by an admin or a supervisor within their areas, listed for the workers who refer
 * children to them.
 */
@Service
public class ProviderService {
  private final CommandSender commands;
  private final QueryGateway queries;
  private final CallerScope scope;
  private final KnownAreas known;

  public ProviderService(
      CommandSender commands, QueryGateway queries, CallerScope scope, KnownAreas known) {
    this.commands = commands;
    this.queries = queries;
    this.scope = scope;
    this.known = known;
  }

  /** {@code {name, type, areaCodes, contactPoint?}}. */
  public record ProviderRequest(
      @NotBlank @Size(max = 200) @FreeText String name,
      @NotBlank @Size(max = 20) @Code(value = ProviderType.class, list = "provider-type")
          String type,
      @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 5) @Reference("area") String> areaCodes,
      @OptionalMember @Size(max = 300) @FreeText String contactPoint) {}

  /** A provider of the directory, as the API shows it. */
  public record ProviderResource(
      UUID id, String name, String type, List<String> areaCodes, String contactPoint) {
    static ProviderResource of(ProviderView p) {
      return new ProviderResource(
          p.providerId().value(),
          p.name(),
          p.type().name(),
          p.areaCodes().stream().map(AreaCode::value).toList(),
          p.contactPoint());
    }
  }

  public void define(UUID id, ProviderRequest body) {
    Violations v = Violations.collect();
    v.addAll(DeclaredRules.violations(body));
    ProviderType type =
        body.type() == null
            ? null
            : RequestValidation.code(v, "type", body.type(), ProviderType.class, "provider-type");
    Set<AreaCode> areas = new HashSet<>();
    if (body.areaCodes() != null) {
      for (int i = 0; i < body.areaCodes().size(); i++) {
        String field = "areaCodes[" + i + "]";
        AreaCode area = CaseRequests.area(v, field, body.areaCodes().get(i));
        if (area != null) {
          known.check(v, field, area, null);
          scope.requireWithin(v, field, area);
          areas.add(area);
        }
      }
    }
    v.throwIfAny();
    commands.send(
        new DefineProviderCommand(
            new ProviderId(id), body.name(), type, areas, body.contactPoint()));
  }

  /** The providers serving the caller's areas (every provider for a national admin). */
  public List<ProviderResource> list() {
    return views().stream().map(ProviderResource::of).toList();
  }

  /** The provider, if the caller may refer to it. */
  public ProviderView get(UUID id) {
    return views().stream()
        .filter(p -> p.providerId().value().equals(id))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("provider"));
  }

  /** Whether the directory holds this provider at all (whoever asks). */
  public boolean exists(UUID id) {
    return all().stream().anyMatch(p -> p.providerId().value().equals(id));
  }

  private List<ProviderView> views() {
    var mine = scope.areas();
    if (mine.isEmpty()) {
      return all();
    }
    // a provider serving a province serves its communes: the caller's areas and those above them
    return all().stream()
        .filter(p -> p.areaCodes().stream().anyMatch(a -> mine.get().contains(a) || covers(a)))
        .toList();
  }

  private boolean covers(AreaCode providerArea) {
    return scope.expand(Set.of(providerArea)).codes().stream().anyMatch(scope::allows);
  }

  private List<ProviderView> all() {
    return queries
        .query(new FindProvidersQuery(null), ResponseTypes.multipleInstancesOf(ProviderView.class))
        .join();
  }
}
