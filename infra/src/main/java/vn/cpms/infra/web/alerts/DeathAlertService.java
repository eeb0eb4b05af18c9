package vn.cpms.infra.web.alerts;

import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.kernel.alerts.AcknowledgeDeathAlertCommand;
import vn.cpms.kernel.alerts.DeathAlertView;
import vn.cpms.kernel.alerts.FindDeathAlertsQuery;

/**
 * A child's death, reported at once (issue 20): the alerts of the supervisor's areas (a province's
 * supervisor sees its communes') that they have not acknowledged, and their acknowledgement.
 */
@Service
public class DeathAlertService {
  private final QueryGateway queries;
  private final CallerScope scope;
  private final CommandSender commands;

  public DeathAlertService(QueryGateway queries, CallerScope scope, CommandSender commands) {
    this.queries = queries;
    this.scope = scope;
    this.commands = commands;
  }

  /** The alerts the signed-in user has not acknowledged, newest first. */
  public List<DeathAlertView> open() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) {
      return List.of();
    }
    return find(auth.getName());
  }

  private List<DeathAlertView> find(String notAcknowledgedBy) {
    return queries
        .query(
            new FindDeathAlertsQuery(
                scope.areas().map(a -> a.codes()).orElse(null), notAcknowledgedBy),
            ResponseTypes.multipleInstancesOf(DeathAlertView.class))
        .join();
  }

  /** Takes note of an alert of the caller's areas (again: nothing changes); 404 for any other. */
  public void acknowledge(UUID alertId) {
    if (find(null).stream().noneMatch(a -> a.alertId().equals(alertId))) {
      throw new NotFoundException("alert");
    }
    commands.send(new AcknowledgeDeathAlertCommand(alertId));
  }
}
