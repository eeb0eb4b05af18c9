package vn.cpms.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.cpms.infra.privacy.PersonalDataKeys;
import vn.cpms.infra.privacy.PersonalDataSerializer;
import vn.cpms.kernel.VietnamTime;
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
 * application's own event serializer (templates whose case id is replaced per case), the personal
 * values sealed with a key of each case's own (stored in {@code personal_data_key} as the
 * application stores it), with valid sequence numbers and the global index from the table's own
 * sequence. The two unique constraints are dropped during the load and created again afterwards, as
 * any bulk load into PostgreSQL does. The history is spread over 1,000 communes (96000 to 96999),
 * and the statistics read model receives it too (issue 21: M5 must query a read model that holds
 * the history): each case's {@code stat_case} and {@code stat_case_status} rows, as the statistics
 * projection writes them, are copied alongside its events (BenchmarkSmokeTest checks they equal the
 * projection's own, replayed from the first event).
 */
final class BulkLoader {
  static final int EVENTS_PER_CASE = 5;
  private static final UUID PLACEHOLDER = UUID.fromString("0b0b0b0b-0000-4000-8000-00000000abcd");
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** An event's JSON: clear parts (where the case id is replaced) and sealed personal values. */
  private record Template(String type, String revision, List<Part> parts) {}

  private sealed interface Part permits Clear, Sealed {}

  private record Clear(byte[] json, List<Integer> idOffsets, List<Integer> areaOffsets)
      implements Part {}

  /** A personal value: sealed again for each case, with the case's own key. */
  private record Sealed(byte[] plain) implements Part {}

  /**
   * A case life: its child, its events, and the rows the statistics projection writes for it
   * ({@code stat_case}, {@code stat_case_status}), with {@code {case}}, {@code {area}} and {@code
   * {recorded}} to fill in.
   */
  private record Life(UUID child, List<Template> events, String statCase, String statStatus) {}

  /** The commune written into the templates, replaced by each case's own. */
  static final String AREA_PLACEHOLDER = "96999";

  /** The communes the history is spread over: 96000 to 96999. */
  static final int COMMUNES = 1000;

  private final DataSource dataSource;
  private final PersonalDataKeys keys;
  private final List<Life> lives = new ArrayList<>();
  private final byte[] metadataHex;

  BulkLoader(DataSource dataSource, Serializer serializer, PersonalDataKeys keys) {
    this.dataSource = dataSource;
    this.keys = keys;
    CaseId c = new CaseId(PLACEHOLDER);
    Instant t = Instant.parse("2025-06-01T02:00:00Z");
    for (int area = 0; area < 20; area++) {
      String commune = AREA_PLACEHOLDER;
      ChildId child = childIdWithoutPlaceholder();
      List<Object> events =
          List.of(
              new CaseReportedEvent(
                  c,
                  child,
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
            new Template(s.getType().getName(), s.getType().getRevision(), parts(s.getData())));
      }
      lives.add(
          new Life(
              child.value(),
              life,
              statCase(
                  (CaseReportedEvent) events.get(0),
                  (InitialAssessmentRecordedEvent) events.get(2),
                  (CaseAssessedEvent) events.get(3)),
              "{case}\t4\t" + ((CaseClosedEvent) events.get(4)).closedOn() + "\tt\t{recorded}\n"));
    }
    metadataHex =
        hex(serializer.serialize(MetaData.with("username", "bulk.loader"), byte[].class).getData());
  }

  /** A child id whose text cannot be mistaken for the placeholder commune. */
  private static ChildId childIdWithoutPlaceholder() {
    UUID id = UUID.randomUUID();
    while (id.toString().contains(AREA_PLACEHOLDER)) {
      id = UUID.randomUUID();
    }
    return new ChildId(id);
  }

  /**
   * The {@code stat_case} row the statistics projection writes for a case of this life (its report,
   * completed by its initial assessment and its assessment), in COPY's text form.
   */
  private static String statCase(
      CaseReportedEvent report,
      InitialAssessmentRecordedEvent initial,
      CaseAssessedEvent assessed) {
    ChildFacts child = report.child();
    return String.join(
            "\t",
            "{case}",
            report.childId().toString(),
            report.reportedAt().toString(),
            VietnamTime.dateOf(report.reportedAt()).toString(),
            "{area}",
            report.channel().name(),
            child.sex().name(),
            child.ageYears() == null ? "\\N" : child.ageYears().toString(),
            child.ethnicity().code(),
            child.disability() ? "t" : "f",
            report.seriousDanger() ? "t" : "f",
            csv(report.suspectedForms()),
            "{recorded}",
            assessed.abuseConfirmed() ? "t" : "f",
            csv(assessed.confirmedForms()),
            "{recorded}",
            initial.assessedAt().toString(),
            "{recorded}",
            "\\N",
            "\\N")
        + "\n";
  }

  private static String csv(java.util.Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
  }

  /**
   * Splits serialized JSON at its sealed values ({@code "pd1:<placeholder>:…"}), which are opened
   * with the placeholder case's key to be sealed again for every case.
   */
  private List<Part> parts(byte[] data) {
    byte[] sealedStart =
        (PersonalDataSerializer.PREFIX + PLACEHOLDER + ":").getBytes(StandardCharsets.US_ASCII);
    SecretKey key = keys.keyForReading(PLACEHOLDER).orElse(null);
    List<Part> parts = new ArrayList<>();
    int from = 0;
    for (int start : offsets(data, sealedStart)) {
      int end = start;
      while (data[end] != '"') {
        end++;
      }
      parts.add(clear(Arrays.copyOfRange(data, from, start)));
      byte[] sealed =
          Base64.getDecoder().decode(Arrays.copyOfRange(data, start + sealedStart.length, end));
      parts.add(new Sealed(keys.decrypt(key, PLACEHOLDER, sealed)));
      from = end;
    }
    parts.add(clear(Arrays.copyOfRange(data, from, data.length)));
    return parts;
  }

  private static Clear clear(byte[] json) {
    return new Clear(
        json,
        offsets(json, PLACEHOLDER.toString().getBytes(StandardCharsets.US_ASCII)),
        offsets(json, AREA_PLACEHOLDER.getBytes(StandardCharsets.US_ASCII)));
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
        ByteArrayOutputStream keyRows = new ByteArrayOutputStream(16 << 20);
        StringBuilder statCases = new StringBuilder(32 << 20);
        StringBuilder statStatuses = new StringBuilder(8 << 20);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (long i = 0; i < n; i++) {
          UUID caseId = randomUuid(random);
          byte[] id = caseId.toString().getBytes(StandardCharsets.US_ASCII);
          Life life = lives.get((int) ((done + i) % lives.size()));
          String commune = "96" + String.format("%03d", (done + i) % COMMUNES);
          byte[] area = commune.getBytes(StandardCharsets.US_ASCII);
          PersonalDataKeys.NewKey key = keys.newKey(caseId);
          keyRows.writeBytes(
              (caseId + "\t" + life.child() + "\t").getBytes(StandardCharsets.US_ASCII));
          keyRows.writeBytes(hex(key.wrapped()));
          keyRows.writeBytes(("\t" + key.keyId() + "\tnow\n").getBytes(StandardCharsets.US_ASCII));
          String timestamp = base.plusSeconds(done + i).toString();
          statCases.append(
              life.statCase()
                  .replace("{case}", caseId.toString())
                  .replace("{area}", commune)
                  .replace("{recorded}", timestamp));
          statStatuses.append(
              life.statStatus()
                  .replace("{case}", caseId.toString())
                  .replace("{recorded}", timestamp));
          for (int seq = 0; seq < life.events().size(); seq++) {
            Template template = life.events().get(seq);
            ByteArrayOutputStream json = new ByteArrayOutputStream(1024);
            for (Part part : template.parts()) {
              if (part instanceof Clear clear) {
                byte[] bytes = clear.json().clone();
                for (int offset : clear.idOffsets()) {
                  System.arraycopy(id, 0, bytes, offset, id.length);
                }
                for (int offset : clear.areaOffsets()) {
                  System.arraycopy(area, 0, bytes, offset, area.length);
                }
                json.writeBytes(bytes);
              } else if (part instanceof Sealed sealed) {
                json.writeBytes(
                    (PersonalDataSerializer.PREFIX
                            + caseId
                            + ":"
                            + Base64.getEncoder()
                                .encodeToString(keys.encrypt(key.key(), caseId, sealed.plain())))
                        .getBytes(StandardCharsets.US_ASCII));
              }
            }
            buffer.writeBytes(id);
            buffer.write('\t');
            buffer.writeBytes(Integer.toString(seq).getBytes(StandardCharsets.US_ASCII));
            buffer.writeBytes("\tChildCase\t".getBytes(StandardCharsets.US_ASCII));
            buffer.writeBytes(randomUuid(random).toString().getBytes(StandardCharsets.US_ASCII));
            buffer.write('\t');
            buffer.writeBytes(metadataHex);
            buffer.write('\t');
            buffer.writeBytes(hex(json.toByteArray()));
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
        CopyIn keyCopy =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                    "copy personal_data_key (subject_id, owner_id, wrapped_key, key_id, created_at)"
                        + " from stdin");
        keyCopy.writeToCopy(keyRows.toByteArray(), 0, keyRows.size());
        keyCopy.endCopy();
        copy(
            c,
            "stat_case (case_id, child_id, reported_at, reported_on, area_code, channel, sex, age,"
                + " ethnicity, disability, serious_danger, suspected_forms, recorded_at,"
                + " abuse_confirmed, confirmed_forms, assessed_recorded_at, initial_assessed_at,"
                + " initial_recorded_at, plan_on_time, plan_recorded_at)",
            statCases);
        copy(c, "stat_case_status (case_id, sequence, on_date, closed, recorded_at)", statStatuses);
      }
    }
  }

  private static void copy(Connection c, String table, StringBuilder rows) throws SQLException {
    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin");
    copy.writeToCopy(bytes, 0, bytes.length);
    copy.endCopy();
  }

  private static UUID randomUuid(ThreadLocalRandom random) {
    return new UUID(
        (random.nextLong() & ~0xF000L) | 0x4000L,
        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
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
