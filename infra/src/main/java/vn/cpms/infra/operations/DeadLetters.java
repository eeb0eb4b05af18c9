package vn.cpms.infra.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.query.jdbc.RefusedWrite;

/**
 * The events a projection parked (issue 18): listed without personal data (the event's type, id,
 * aggregate and sequence number, when it was parked, and why: the cause's type, with its message
 * only when it is a {@link RefusedWrite}, which holds no values), retried once the cause is fixed,
 * or evicted with a reason (audited). One dead letter holds back every later event of its aggregate
 * in that projection, so the sequence is the unit of retry and eviction.
 */
@Service
public class DeadLetters {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeadLetters.class);

  private final EventProcessingConfiguration processing;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  public DeadLetters(
      EventProcessingConfiguration processing, org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.processing = processing;
    this.jdbc = jdbc;
  }

  /** One parked sequence: the aggregate's events held back in one projection. */
  public record Sequence(String projection, String sequence, long events, List<Letter> letters) {}

  /** One parked event, without its payload. */
  public record Letter(
      String eventType,
      String eventId,
      String aggregateId,
      Long sequenceNumber,
      Instant parkedAt,
      Instant lastTriedAt,
      String causeType,
      String cause) {}

  /**
   * Every parked sequence, read from the dead-letter table itself: the event is never deserialized
   * (its payload holds personal data, and no payload is needed to say what is parked).
   */
  public List<Sequence> list() {
    Map<String, List<Letter>> bySequence = new LinkedHashMap<>();
    jdbc.query(
        "select processinggroup, sequenceidentifier, payloadtype, eventidentifier,"
            + " aggregateidentifier, sequencenumber, enqueuedat, lasttouched, causetype,"
            + " causemessage from deadletterentry order by processinggroup, sequenceidentifier,"
            + " sequenceindex",
        rs -> {
          String cause = rs.getString("causetype");
          Number number = (Number) rs.getObject("sequencenumber");
          bySequence
              .computeIfAbsent(
                  rs.getString("processinggroup") + "\n" + rs.getString("sequenceidentifier"),
                  k -> new ArrayList<>())
              .add(
                  new Letter(
                      simpleName(rs.getString("payloadtype")),
                      rs.getString("eventidentifier"),
                      rs.getString("aggregateidentifier"),
                      number == null ? null : number.longValue(),
                      instant(rs.getString("enqueuedat")),
                      instant(rs.getString("lasttouched")),
                      cause == null ? null : simpleName(cause),
                      RefusedWrite.class.getName().equals(cause)
                          ? rs.getString("causemessage")
                          : null));
        });
    List<Sequence> all = new ArrayList<>();
    bySequence.forEach(
        (key, letters) -> {
          String[] parts = key.split("\n", 2);
          all.add(new Sequence(parts[0], parts[1], letters.size(), letters));
        });
    return all;
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static Instant instant(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return Instant.parse(stored);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** The number of parked events, every projection together. */
  public long parked() {
    return processing.eventProcessors().keySet().stream()
        .map(this::queue)
        .flatMap(Optional::stream)
        .mapToLong(SequencedDeadLetterQueue::size)
        .sum();
  }

  /**
   * Hands the sequence's events to the projection again, oldest first; whether they all went
   * through (a failure parks them again, with the new cause). Nothing parked: nothing to do.
   */
  public boolean retry(String projection, String sequence) {
    if (!queueOf(projection).contains(sequence)) {
      return false;
    }
    var processor =
        processing
            .sequencedDeadLetterProcessor(projection)
            .orElseThrow(() -> new NotFoundException("projection"));
    try {
      return processor.process(letter -> sequence.equals(sequenceOf(letter)));
    } catch (RuntimeException stillFailing) {
      log.warn(
          "Retry of {} in {} failed again: {}",
          sequence,
          projection,
          stillFailing.getClass().getSimpleName());
      return false;
    }
  }

  /**
   * Drops the sequence's parked events for the reason given, which the audit keeps with the request
   * (the API and the admin page alike); how many were dropped.
   */
  public long evict(String projection, String sequence, String reason) {
    vn.cpms.infra.audit.AuditTrail.detail("eviction: " + reason.strip());
    return evict(projection, sequence);
  }

  /** Drops the sequence's parked events (how many): the projection will never show them. */
  public long evict(String projection, String sequence) {
    SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(projection);
    List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
    queue.deadLetterSequence(sequence).forEach(letters::add);
    letters.forEach(queue::evict);
    return letters.size();
  }

  /** The projection's queue; an unknown projection (or one without a queue) is a 404. */
  private SequencedDeadLetterQueue<EventMessage<?>> queueOf(String projection) {
    return queue(projection).orElseThrow(() -> new NotFoundException("projection"));
  }

  private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String projection) {
    return processing.deadLetterQueue(projection);
  }

  private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
    return letter.message() instanceof DomainEventMessage<?> domain
        ? domain.getAggregateIdentifier()
        : letter.message().getIdentifier();
  }
}
