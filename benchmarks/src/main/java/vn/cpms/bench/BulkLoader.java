package vn.cpms.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseAssessedEvent;
import vn.cpms.kernel.cases.CaseAssignedEvent;
import vn.cpms.kernel.cases.CaseClosedEvent;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.CaseReportedEvent;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.cases.InitialAssessmentRecordedEvent;
import vn.cpms.kernel.cases.RiskLevel;
import vn.cpms.kernel.children.ChildFacts;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Sex;

/**
 * Loads millions of events straight into {@code domainevententry} with COPY: whole case lives of
 * five events each (report, assignment, initial assessment, assessment, closure), serialized by the
 * application's own event serializer (templates whose case id is replaced per case), with valid
 * sequence numbers and the global index from the table's own sequence. The two unique constraints
 * are dropped during the load and created again afterwards, as any bulk load into PostgreSQL does.
 */
final class BulkLoader {
  static final int EVENTS_PER_CASE = 5;
  private static final UUID PLACEHOLDER = UUID.fromString("0b0b0b0b-0000-4000-8000-00000000abcd");
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private record Template(String type, String revision, byte[] json, List<Integer> idOffsets) {}

  private final DataSource dataSource;
  private final List<List<Template>> lives = new ArrayList<>();
  private final byte[] metadataHex;

  BulkLoader(DataSource dataSource, Serializer serializer) {
    this.dataSource = dataSource;
    CaseId c = new CaseId(PLACEHOLDER);
    Instant t = Instant.parse("2025-06-01T02:00:00Z");
    for (int area = 0; area < 20; area++) {
      String commune = "96" + String.format("%03d", area);
      List<Object> events =
          List.of(
              new CaseReportedEvent(
                  c,
                  new ChildId(UUID.randomUUID()),
                  t,
                  Channel.values()[area % Channel.values().length],
                  AreaCode.of(commune),
                  List.of(AbuseForm.VIOLENCE, AbuseForm.NEGLECT),
                  area % 3 == 0,
                  "Báo cáo tổng hợp cho đo hiệu năng, không phải dữ liệu thật (" + area + ").",
                  null,
                  new ChildFacts(
                      area % 2 == 0 ? Sex.FEMALE : Sex.MALE,
                      3 + area % 14,
                      Ethnicity.of("01"),
                      false),
                  t.plusSeconds(3 * 86400),
                  null),
              new CaseAssignedEvent(c, "worker." + commune, t.plusSeconds(3600)),
              new InitialAssessmentRecordedEvent(
                  c,
                  t.plusSeconds(7200),
                  RiskLevel.HIGH,
                  "Đưa trẻ đến nhà người thân",
                  true,
                  t.plusSeconds(5 * 86400)),
              new CaseAssessedEvent(
                  c,
                  t.plusSeconds(86400),
                  true,
                  List.of(AbuseForm.VIOLENCE),
                  "Cần hỗ trợ y tế và tâm lý"),
              new CaseClosedEvent(
                  c, LocalDate.of(2025, 9, 1), ClosureReason.SAFE, "worker." + commune));
      List<Template> life = new ArrayList<>();
      for (Object event : events) {
        SerializedObject<byte[]> s = serializer.serialize(event, byte[].class);
        life.add(
            new Template(
                s.getType().getName(),
                s.getType().getRevision(),
                s.getData(),
                offsets(s.getData(), PLACEHOLDER.toString().getBytes(StandardCharsets.US_ASCII))));
      }
      lives.add(life);
    }
    metadataHex =
        hex(serializer.serialize(MetaData.with("username", "bulk.loader"), byte[].class).getData());
  }

  private static List<Integer> offsets(byte[] data, byte[] needle) {
    List<Integer> found = new ArrayList<>();
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      found.add(i);
    }
    return found;
  }

  void dropUniqueConstraints() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute(
          "alter table domainevententry"
              + " drop constraint if exists domainevententry_aggregateidentifier_sequencenumber_key,"
              + " drop constraint if exists domainevententry_eventidentifier_key");
    }
  }

  void createUniqueConstraints() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute("set maintenance_work_mem = '512MB'");
      s.execute(
          "alter table domainevententry add constraint"
              + " domainevententry_aggregateidentifier_sequencenumber_key"
              + " unique (aggregateidentifier, sequencenumber)");
      s.execute(
          "alter table domainevententry add constraint domainevententry_eventidentifier_key"
              + " unique (eventidentifier)");
      s.execute("analyze domainevententry");
    }
  }

  /** Appends {@code events} events (rounded up to whole case lives), one COPY per ~500k rows. */
  void load(long events) throws SQLException {
    long cases = (events + EVENTS_PER_CASE - 1) / EVENTS_PER_CASE;
    long perCopy = 100_000;
    Instant base = Instant.parse("2025-06-01T02:00:00Z");
    for (long done = 0; done < cases; done += perCopy) {
      long n = Math.min(perCopy, cases - done);
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        CopyIn copy =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "copy domainevententry (aggregateidentifier, sequencenumber, type,"
                        + " eventidentifier, metadata, payload, payloadrevision, payloadtype,"
                        + " timestamp) from stdin");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(4 << 20);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (long i = 0; i < n; i++) {
          byte[] id = randomUuid(random).getBytes(StandardCharsets.US_ASCII);
          List<Template> life = lives.get((int) ((done + i) % lives.size()));
          String timestamp = base.plusSeconds(done + i).toString();
          for (int seq = 0; seq < life.size(); seq++) {
            Template template = life.get(seq);
            byte[] json = template.json().clone();
            for (int offset : template.idOffsets()) {
              System.arraycopy(id, 0, json, offset, id.length);
            }
            buffer.writeBytes(id);
            buffer.write('\t');
            buffer.writeBytes(Integer.toString(seq).getBytes(StandardCharsets.US_ASCII));
            buffer.writeBytes("\tChildCase\t".getBytes(StandardCharsets.US_ASCII));
            buffer.writeBytes(randomUuid(random).getBytes(StandardCharsets.US_ASCII));
            buffer.write('\t');
            buffer.writeBytes(metadataHex);
            buffer.write('\t');
            buffer.writeBytes(hex(json));
            buffer.write('\t');
            buffer.writeBytes(template.revision().getBytes(StandardCharsets.US_ASCII));
            buffer.write('\t');
            buffer.writeBytes(template.type().getBytes(StandardCharsets.US_ASCII));
            buffer.write('\t');
            buffer.writeBytes(timestamp.getBytes(StandardCharsets.US_ASCII));
            buffer.write('\n');
          }
          if (buffer.size() > (4 << 20) - 16_384) {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
          }
        }
        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
        copy.endCopy();
      }
    }
  }

  private static String randomUuid(ThreadLocalRandom random) {
    return new UUID(
            (random.nextLong() & ~0xF000L) | 0x4000L,
            (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
        .toString();
  }

  /** PostgreSQL's COPY text form of a bytea: {@code \\x} and hex digits. */
  private static byte[] hex(byte[] data) {
    byte[] out = new byte[3 + data.length * 2];
    out[0] = '\\';
    out[1] = '\\';
    out[2] = 'x';
    for (int i = 0; i < data.length; i++) {
      out[3 + 2 * i] = HEX[(data[i] >> 4) & 0xF];
      out[4 + 2 * i] = HEX[data[i] & 0xF];
    }
    return out;
  }
}
