package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cpms.kernel.cases.CaseClosedEvent;

/**
 * A revision-1 {@link CaseClosedEvent} row, as stored before revision 2, read through the real
 * event store: the aggregate, the projections and the event store all see revision 2.
 */
class UpcastingIT extends ApplicationIT {
  @Autowired EventStore events;

  @Test
  void a_stored_revision_1_closure_is_read_as_revision_2_everywhere() throws Exception {
    ApiClient api = admin();
    UUID id = UUID.randomUUID();
    ApiClient.Response created = api.post("/api/v1/cases", CaseApiIT.caseBody(id, "PHONE", ""));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.get("/api/v1/cases/" + id).status() == 200);

    String closedOn = CaseApiIT.RECENT_TIME.toLocalDate().toString();
    String json;
    try (InputStream in = getClass().getResourceAsStream("/events/CaseClosedEvent.1.json")) {
      json =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("6f1c2d3e-0000-4000-8000-000000000001", id.toString())
              .replace("2026-03-02", closedOn);
    }
    long next =
        jdbc.queryForObject(
            "select max(sequencenumber) + 1 from domainevententry where aggregateidentifier = ?",
            Long.class,
            id.toString());
    jdbc.update(
        "insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,"
            + " metadata, payload, payloadrevision, payloadtype, timestamp)"
            + " values (?, ?, 'ChildCase', ?, ?, ?, '1', ?, ?)",
        id.toString(),
        next,
        UUID.randomUUID().toString(),
        "{\"username\":\"worker.old\"}".getBytes(StandardCharsets.UTF_8),
        json.getBytes(StandardCharsets.UTF_8),
        CaseClosedEvent.class.getName(),
        Instant.now().toString());

    // The projections read it...
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> api.get("/api/v1/cases/" + id).json().get("status").asText(), "CLOSED"::equals);
    assertThat(api.get("/api/v1/cases/" + id).json().get("closedOn").asText()).isEqualTo(closedOn);
    // ...the event store gives revision 2 with the worker from the metadata...
    List<CaseClosedEvent> closures =
        events
            .readEvents(id.toString())
            .asStream()
            .map(e -> e.getPayload())
            .filter(CaseClosedEvent.class::isInstance)
            .map(CaseClosedEvent.class::cast)
            .toList();
    assertThat(closures).hasSize(1);
    assertThat(closures.get(0).closedBy()).isEqualTo("worker.old");
    assertThat(closures.get(0).closedOn().toString()).isEqualTo(closedOn);
    // ...and the aggregate, loaded from it, knows the case is closed.
    assertThat(
            api.post("/api/v1/cases/" + id + "/assignment", "{\"workerUsername\":\"admin\"}")
                .status())
        .isEqualTo(409);
    ApiClient.Response reopened =
        api.post(
            "/api/v1/cases/" + id + "/reopening",
            "{\"reopenedOn\":\"" + closedOn + "\",\"reason\":\"a new report\"}");
    assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
    ApiClient.Response closed =
        api.post(
            "/api/v1/cases/" + id + "/closure",
            "{\"closedOn\":\"" + closedOn + "\",\"reason\":\"SAFE\"}");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    assertThat(
            jdbc.queryForList(
                "select payloadrevision || ' ' || convert_from(payload, 'UTF8') from"
                    + " domainevententry where aggregateidentifier = ? and payloadtype = ?"
                    + " order by sequencenumber",
                String.class,
                id.toString(),
                CaseClosedEvent.class.getName()))
        .hasSize(2)
        .first()
        .asString()
        .startsWith("1 ");
    assertThat(
            jdbc.queryForObject(
                "select payloadrevision || ' ' || convert_from(payload, 'UTF8') from"
                    + " domainevententry where aggregateidentifier = ? and payloadtype = ?"
                    + " order by sequencenumber desc limit 1",
                String.class,
                id.toString(),
                CaseClosedEvent.class.getName()))
        .startsWith("2 ")
        .contains("\"closedBy\":\"admin\"");
  }
}
