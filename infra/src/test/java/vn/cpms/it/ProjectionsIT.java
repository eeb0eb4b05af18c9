package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseAssignedEvent;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.InitialAssessmentDeadlineMissedEvent;
import vn.cpms.kernel.cases.Intervention;
import vn.cpms.kernel.cases.InterventionDeadlineMissedEvent;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.SupportPlanApprovedEvent;
import vn.cpms.kernel.cases.SupportPlanDeadlineMissedEvent;
import vn.cpms.kernel.cases.SupportPlanSubmittedEvent;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Sex;

/**
 * Every projection handles every event without parking one in its dead-letter queue, and a rebuild
 * from zero gives the same figures.
 */
class ProjectionsIT extends ApplicationIT {
  @Autowired EventStore events;

  void publish(CaseId id, long seq, Object payload) {
    events.publish(
        new GenericDomainEventMessage<>(
            "ChildCase",
            id.toString(),
            seq,
            payload,
            MetaData.emptyInstance(),
            UUID.randomUUID().toString(),
            Instant.now()));
  }

  JsonNode projections() {
    return admin().get("/api/v1/admin/projections").json();
  }

  @Test
  void missed_deadlines_reach_the_worklist_and_no_projection_parks_an_event() {
    CaseId id = CaseId.random();
    Instant reported = Instant.now().minus(Duration.ofDays(40));
    UUID intervention = UUID.randomUUID();
    LocalDate due = LocalDate.now().minusDays(5);
    publish(
        id,
        0,
        new CaseReportedEvent(
            id,
            ChildId.random(),
            reported,
            Channel.PHONE,
            AreaCode.of("64001"),
            List.of(AbuseForm.NEGLECT),
            true,
            null,
            null,
            new ChildFacts(Sex.MALE, 8, Ethnicity.of("01"), false),
            reported.plus(Duration.ofHours(12)),
            null));
    publish(
        id, 1, new InitialAssessmentDeadlineMissedEvent(id, reported.plus(Duration.ofHours(12))));
    publish(id, 2, new CaseAssignedEvent(id, "worker.a", reported.plus(Duration.ofHours(13))));
    publish(id, 3, new SupportPlanDeadlineMissedEvent(id, reported.plus(Duration.ofDays(7))));
    publish(
        id,
        4,
        new SupportPlanSubmittedEvent(
            id,
            reported.plus(Duration.ofDays(8)),
            "goals",
            List.of(new Intervention(intervention, InterventionType.MEDICAL, "clinic", due)),
            false));
    publish(id, 5, new SupportPlanApprovedEvent(id, reported.plus(Duration.ofDays(9))));
    publish(id, 6, new InterventionDeadlineMissedEvent(id, intervention, due));

    JsonNode view =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> admin().get("/api/v1/cases/" + id),
                r -> r.status() == 200 && r.json().get("version").asLong() == 6)
            .json();
    assertThat(view.get("interventions").get(0).get("overdue").asBoolean()).isTrue();
    assertThat(view.get("overdue").get("interventions").asBoolean()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                admin().get("/api/v1/cases/" + id + "/timeline").json().get("entries").size() == 7);
    for (JsonNode projection : projections()) {
      assertThat(projection.get("deadLetterSequences").asLong())
          .as(projection.get("name").asText() + " parked no event")
          .isZero();
      assertThat(projection.get("error").asBoolean()).isFalse();
    }
  }

  static final List<String> MEASURES =
      List.of(
          "cases-reported",
          "abused-children",
          "cases-closed",
          "cases-open",
          "initial-assessments-on-time",
          "plans-on-time",
          "injured-children",
          "injury-deaths",
          "child-marriages",
          "child-labourers",
          "disaster-affected-children",
          "disaster-affected-supported",
          "special-circumstance-children",
          "special-circumstance-supported",
          "contacts",
          "contacts-escalated");

  /** Every measure over a wide period, in total and by area, at three instants. */
  List<String> figures(List<String> asOfs) {
    List<String> all = new ArrayList<>();
    for (String asOf : asOfs) {
      for (String measure : MEASURES) {
        String url =
            "/api/v1/statistics/"
                + measure
                + "?from=2020-01-01&to=2030-12-31&by=area"
                + (asOf == null ? "" : "&asOf=" + asOf);
        all.add(
            measure
                + "@"
                + asOf
                + " "
                + admin().get(url).raw().body().replaceAll("\"asOf\":\"[^\"]*\",", ""));
      }
    }
    return all;
  }

  @Autowired org.axonframework.commandhandling.gateway.CommandGateway commands;
  @Autowired java.time.Clock clock;

  @Test
  void rebuilding_the_statistics_from_zero_gives_identical_figures_at_every_as_of() {
    new vn.cpms.infra.demo.DemoData(commands, events, clock, 20261123, 40).load();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                admin()
                    .get("/api/v1/statistics/cases-reported?area=99&from=2020-01-01&to=2030-12-31")
                    .json()
                    .get("total")
                    .asLong(),
            n -> n > 20);
    awaitProjectionsCaughtUp(); // all the demo's events, not just the first twenty cases
    String now = Instant.now().toString();
    List<String> asOfs = List.of("2025-06-30T17:00:00Z", "2026-01-31T17:00:00Z", now);
    List<String> before = figures(asOfs);
    assertThat(String.join("\n", before)).contains("\"area\":\"99001\"");

    rebuild("statistics");

    assertThat(figures(asOfs)).containsExactlyElementsOf(before);
    assertThat(admin().post("/api/v1/admin/projections/nothing/rebuild", "{}").status())
        .isEqualTo(404);
  }
}
