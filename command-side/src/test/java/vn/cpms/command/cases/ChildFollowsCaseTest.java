package vn.cpms.command.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.FollowChildCaseCommand;
import vn.cpms.kernel.children.Sex;

/**
 * Issue 21: a report records in its own transaction that the child follows the case, so the policy
 * sends nothing for it (no load of the child, no transaction of its own); a report stored before
 * that still has the child follow its case.
 */
class ChildFollowsCaseTest {
  final List<Object> sent = new ArrayList<>();
  final CommandGateway gateway =
      (CommandGateway)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {CommandGateway.class},
              (proxy, method, args) -> {
                if (method.getName().startsWith("send")) {
                  sent.add(args[0]);
                }
                return null;
              });
  final EventStore events =
      (EventStore)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {EventStore.class},
              (proxy, method, args) ->
                  method.getName().equals("lastSequenceNumberFor") ? Optional.of(0L) : null);
  final ChildFollowsCase policy = new ChildFollowsCase(gateway, events);

  final CaseId caseId = CaseId.random();
  final ChildId childId = ChildId.random();
  final AreaCode commune = AreaCode.of("06652");
  final CaseReportedEvent report =
      new CaseReportedEvent(
          caseId,
          childId,
          Instant.parse("2026-11-20T01:15:00Z"),
          Channel.PHONE,
          commune,
          List.of(AbuseForm.VIOLENCE),
          false,
          null,
          null,
          new ChildFacts(Sex.FEMALE, 9, Ethnicity.of("01"), false),
          Instant.parse("2026-11-25T01:15:00Z"),
          null);

  @Test
  void a_report_whose_child_followed_it_in_the_same_transaction_sends_nothing() {
    policy.on(report, MetaData.with(ChildCase.CHILD_FOLLOWS, true));
    assertThat(sent).isEmpty();
  }

  @Test
  void a_report_stored_before_still_has_its_child_follow_it() {
    policy.on(report, MetaData.emptyInstance());
    assertThat(sent).containsExactly(new FollowChildCaseCommand(childId, caseId, commune, true));
  }
}
