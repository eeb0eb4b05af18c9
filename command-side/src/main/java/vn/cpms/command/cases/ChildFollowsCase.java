package vn.cpms.command.cases;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReopenedEvent;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.CaseTransferredEvent;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.FollowChildCaseCommand;

/**
 * The child follows its case (issue 16): whenever a case is reported, transferred, closed or
 * reopened, the child's own stream records where the case now is and whether it is open, so that
 * the communes of the child's open cases read and work the child and a commune that sent its last
 * open case away no longer does. A policy of the command side: it reads the case's first event for
 * the child, and its commands are idempotent, so a redelivered event changes nothing.
 */
@ProcessingGroup(ChildFollowsCase.GROUP)
public class ChildFollowsCase {
  public static final String GROUP = "child-follows-case";

  private final CommandGateway commands;
  private final EventStore events;

  public ChildFollowsCase(CommandGateway commands, EventStore events) {
    this.commands = commands;
    this.events = events;
  }

  @EventHandler
  void on(CaseReportedEvent event, org.axonframework.messaging.MetaData metaData) {
    if (Boolean.TRUE.equals(metaData.get(ChildCase.CHILD_FOLLOWS))) {
      return; // the report recorded it in the child's stream, in the same transaction
    }
    follow(event.childId(), event.caseId(), event.areaCode(), true);
  }

  @EventHandler
  void on(CaseTransferredEvent event) {
    follow(event.caseId(), true);
  }

  @EventHandler
  void on(CaseClosedEvent event) {
    follow(event.caseId(), false);
  }

  @EventHandler
  void on(CaseReopenedEvent event) {
    follow(event.caseId(), true);
  }

  private void follow(ChildId child, CaseId caseId, AreaCode area, boolean open) {
    if (child == null || area == null) {
      log.warn("Case {} has no report in its stream: no child to follow it", caseId);
      return;
    }
    if (events.lastSequenceNumberFor(child.toString()).isEmpty()) {
      // a case whose child is not in the store (never in normal operation): nothing to follow,
      // and the policy must not stop on it. Checked before sending: a failed command would leave
      // the batch's transaction, which it joins, to roll back.
      log.warn("Child of case {} not found: not followed", caseId);
      return;
    }
    commands.sendAndWait(new FollowChildCaseCommand(child, caseId, area, open));
  }

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(ChildFollowsCase.class);

  /**
   * Reads the case's stream from its first event (never a snapshot): its child, and its commune now
   * (where it was reported, or where it was last transferred to).
   */
  private void follow(CaseId caseId, boolean open) {
    ChildId[] child = {null};
    AreaCode[] area = {null};
    events
        .readEvents(caseId.toString(), 0L)
        .asStream()
        .forEach(
            e -> {
              if (e.getPayload() instanceof CaseReportedEvent r) {
                child[0] = r.childId();
                area[0] = r.areaCode();
              } else if (e.getPayload() instanceof CaseTransferredEvent t) {
                area[0] = t.toAreaCode();
              }
            });
    follow(child[0], caseId, area[0], open);
  }
}
