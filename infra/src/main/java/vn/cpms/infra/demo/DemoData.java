package vn.cpms.infra.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.cpms.infra.axon.AxonConfiguration;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaLevel;
import vn.cpms.kernel.area.DefineAreaCommand;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.ApproveSupportPlanCommand;
import vn.cpms.kernel.cases.AssignCaseCommand;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.CloseCaseCommand;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.cases.CompleteInterventionCommand;
import vn.cpms.kernel.cases.Intervention;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.RecordAssessmentCommand;
import vn.cpms.kernel.cases.RecordInitialAssessmentCommand;
import vn.cpms.kernel.cases.ReportCaseCommand;
import vn.cpms.kernel.cases.ReportCaseResult;
import vn.cpms.kernel.cases.RiskLevel;
import vn.cpms.kernel.cases.SubmitSupportPlanCommand;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.EndSpecialCircumstanceCommand;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Guardian;
import vn.cpms.kernel.children.IdentifySpecialCircumstanceCommand;
import vn.cpms.kernel.children.IncidentType;
import vn.cpms.kernel.children.InjuryCause;
import vn.cpms.kernel.children.RecordIncidentCommand;
import vn.cpms.kernel.children.RecordSupportCommand;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.children.SpecialCircumstance;
import vn.cpms.kernel.contacts.CallerType;
import vn.cpms.kernel.contacts.ContactCategories;
import vn.cpms.kernel.contacts.ContactId;
import vn.cpms.kernel.contacts.ContactResult;
import vn.cpms.kernel.contacts.ReceiveContactCommand;
import vn.cpms.kernel.statistics.PopulationRow;
import vn.cpms.kernel.statistics.RecordPopulationCommand;

/**
 * Synthetic demo data for the {@code demo} profile, sent through the same commands a user sends
 * (never SQL into read models). Reproducible from {@code cpms.demo.seed}: ids and contents derive
 * from the seed, so a restart sends the same idempotent commands and adds nothing twice. Every name
 * is made up from common syllables; no real person is described.
 */
@Component
@Profile("demo")
public class DemoData {
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  /** A synthetic province (code 99 is not an official province) and its communes. */
  static final String PROVINCE = "99";

  static final List<String> COMMUNES =
      List.of(
          "99001", "99002", "99003", "99004", "99005", "99006", "99007", "99008", "99009", "99010",
          "99011", "99012");

  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng"};
  private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Ngọc", "Đức", "Thu"};
  private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Hà", "Khoa", "Lan", "Mai"};

  /** The demo's fixed "today": the history spreads over the three years before it. */
  static final LocalDate ANCHOR = LocalDate.of(2026, 10, 31);

  private final CommandGateway commands;
  private final EventStore events;
  private final Clock clock;
  private final long seed;
  private final int cases;

  public DemoData(
      CommandGateway commands,
      EventStore events,
      Clock clock,
      @Value("${cpms.demo.seed:20261123}") long seed,
      @Value("${cpms.demo.cases:300}") int cases) {
    this.commands = commands;
    this.events = events;
    this.clock = clock;
    this.seed = seed;
    this.cases = cases;
  }

  /**
   * Loads the demo data, or what is missing of it. Each case and each contact is made from its own
   * random numbers (the seed and its index), so a load interrupted at any moment (Ctrl-C, {@code
   * kill -9}) is completed by the next start with exactly the same data, and a case found already
   * reported keeps what it had (its steps are not sent twice). A load that fails is logged and
   * tried again at the next start: it never keeps the application from starting.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void load() {
    try {
      loadMissing();
    } catch (RuntimeException e) {
      log.error(
          "Demo data incomplete ({}); the next start completes it", e.getClass().getSimpleName());
    }
  }

  private void loadMissing() {
    // The demo's last contact is its last command: when it exists, everything does.
    if (events.lastSequenceNumberFor(id("contact", 2 * cases - 1).toString()).isPresent()) {
      log.info("Demo data already present");
      return;
    }
    defineAreas();
    definePopulation();
    int created = 0;
    for (int i = 0; i < cases; i++) {
      Random random = new Random(seed * 1_000_003L + i);
      ReportCaseCommand command = reportCase(random, i);
      if (command.reportedAt().isAfter(clock.instant())) {
        continue;
      }
      ReportCaseResult result = send(command);
      if (result.created()) {
        created++;
        followProcedure(random, command);
        recordChildFacts(random, command, i);
      }
    }
    log.info("Demo data: {} cases created, {} already present", created, cases - created);
    int contacts = 0;
    for (int i = 0; i < cases * 2; i++) {
      ReceiveContactCommand contact = contact(new Random(seed * 1_000_033L + i), i);
      if (!contact.receivedAt().isAfter(clock.instant())) {
        ContactResult result = send(contact);
        contacts += result.created() ? 1 : 0;
      }
    }
    log.info("Demo data: {} hotline contacts created", contacts);
  }

  /** A synthetic hotline contact: mostly advice and information, some reports of violence. */
  ReceiveContactCommand contact(Random random, int i) {
    List<String> categories = List.copyOf(ContactCategories.all().keySet());
    String category = categories.get(random.nextInt(categories.size()));
    List<String> subcategories = ContactCategories.all().get(category);
    LocalDate day = ANCHOR.minusDays(random.nextInt(3 * 365));
    return new ReceiveContactCommand(
        new ContactId(id("contact", i)),
        day.atTime(LocalTime.of(6 + random.nextInt(16), random.nextInt(60)))
            .atZone(VietnamTime.ZONE)
            .toInstant(),
        random.nextInt(3) == 0 ? Channel.HOTLINE_PROVINCIAL : Channel.HOTLINE_111,
        CallerType.values()[random.nextInt(CallerType.values().length)],
        category,
        subcategories.get(random.nextInt(subcategories.size())),
        random.nextInt(5) == 0 ? null : AreaCode.of(COMMUNES.get(random.nextInt(COMMUNES.size()))),
        30 + random.nextInt(900),
        random.nextBoolean() ? Sex.FEMALE : Sex.MALE,
        random.nextInt(16),
        null,
        null);
  }

  /** Synthetic child population of every commune, by sex and age, for the demo's years. */
  void definePopulation() {
    Random random = new Random(seed + 1);
    for (String commune : COMMUNES) {
      for (int year = ANCHOR.getYear() - 2; year <= ANCHOR.getYear(); year++) {
        List<PopulationRow> rows = new java.util.ArrayList<>();
        for (int age = 0; age <= 17; age++) {
          rows.add(new PopulationRow(Sex.FEMALE, age, 40 + random.nextInt(50)));
          rows.add(new PopulationRow(Sex.MALE, age, 40 + random.nextInt(50)));
        }
        send(new RecordPopulationCommand(AreaCode.of(commune), year, rows));
      }
    }
  }

  /**
   * Takes a reported case some way through the procedure, as workers would: most are assigned and
   * assessed, many confirmed, planned, approved, carried out and closed; some are late.
   */
  void followProcedure(Random random, ReportCaseCommand report) {
    CaseId id = report.caseId();
    Instant t = report.reportedAt();
    try {
      if (random.nextInt(10) < 8 && step(t = t.plus(Duration.ofMinutes(30 + random.nextInt(90))))) {
        send(new AssignCaseCommand(id, random.nextBoolean() ? "worker" : "supervisor", null));
      } else {
        return;
      }
      Duration toAssess =
          report.seriousDanger()
              ? Duration.ofHours(2 + random.nextInt(14)) // some beyond the 12 hours
              : Duration.ofHours(20 + random.nextInt(100));
      if (random.nextInt(10) < 9 && step(t = t.plus(toAssess))) {
        RiskLevel[] levels = RiskLevel.values();
        send(
            new RecordInitialAssessmentCommand(
                id, t, levels[random.nextInt(levels.length)], "Biện pháp giả lập", null));
      } else {
        return;
      }
      if (random.nextInt(10) == 0 && step(t)) {
        send(new CloseCaseCommand(id, VietnamTime.dateOf(t), ClosureReason.UNFOUNDED, null));
        return;
      }
      boolean confirmed = random.nextInt(10) < 6;
      if (random.nextInt(10) < 8 && step(t = t.plus(Duration.ofDays(1 + random.nextInt(3))))) {
        send(
            new RecordAssessmentCommand(
                id,
                t,
                confirmed,
                confirmed ? Set.copyOf(report.suspectedForms()) : Set.of(),
                "Nhu cầu giả lập",
                null));
      } else {
        return;
      }
      LocalDate planned = VietnamTime.dateOf(t).plusDays(2 + random.nextInt(8));
      if (random.nextInt(10) < 8
          && step(t = planned.atTime(10, 0).atZone(VietnamTime.ZONE).toInstant())) {
        InterventionType[] types = InterventionType.values();
        send(
            new SubmitSupportPlanCommand(
                id,
                t,
                "Mục tiêu giả lập",
                List.of(
                    new Intervention(
                        id("intervention-a", report.caseId().hashCode()),
                        types[random.nextInt(types.length)],
                        "Trạm y tế xã",
                        planned.plusDays(14)),
                    new Intervention(
                        id("intervention-b", report.caseId().hashCode()),
                        types[random.nextInt(types.length)],
                        "Cán bộ xã",
                        planned.plusDays(30))),
                null));
      } else {
        return;
      }
      if (random.nextInt(10) < 8 && step(t = t.plus(Duration.ofDays(1)))) {
        send(new ApproveSupportPlanCommand(id, t, null));
      } else {
        return;
      }
      LocalDate done = planned.plusDays(10 + random.nextInt(25));
      if (random.nextInt(10) < 7
          && step(done.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant())) {
        send(
            new CompleteInterventionCommand(
                id, id("intervention-a", report.caseId().hashCode()), done, "Đã thực hiện", null));
        send(
            new CompleteInterventionCommand(
                id, id("intervention-b", report.caseId().hashCode()), done, "Đã thực hiện", null));
        if (random.nextInt(10) < 7) {
          send(new CloseCaseCommand(id, done, ClosureReason.SAFE, null));
        }
      }
    } catch (RuleViolationException | InvalidInputException e) {
      // already done on an earlier start, or not possible: the demo moves on
    } catch (RuntimeException e) {
      log.warn("Demo case {} stopped at a step: {}", id, e.getClass().getSimpleName());
    }
  }

  /** A step may happen if its time has come. */
  private boolean step(Instant at) {
    return !at.isAfter(clock.instant());
  }

  /** Incidents, special circumstances and support for some of the demo's children. */
  void recordChildFacts(Random random, ReportCaseCommand report, int i) {
    ChildId child = report.childId();
    LocalDate day = VietnamTime.dateOf(report.reportedAt());
    AreaCode area = report.areaCode();
    try {
      int pick = random.nextInt(20);
      if (pick < 4) {
        InjuryCause[] causes = InjuryCause.values();
        send(
            new RecordIncidentCommand(
                child,
                id("injury", i),
                IncidentType.INJURY,
                day.minusDays(3),
                area,
                causes[random.nextInt(causes.length)],
                random.nextInt(15) == 0,
                null,
                null));
      } else if (pick < 6) {
        send(
            new RecordIncidentCommand(
                child,
                id("disaster", i),
                IncidentType.DISASTER,
                day.minusDays(5),
                area,
                null,
                false,
                null,
                null));
        if (random.nextInt(10) < 7) {
          send(
              new RecordSupportCommand(
                  child, "Hỗ trợ khẩn cấp", day.minusDays(2), 1_000_000L, null, null));
        }
      } else if (pick == 6) {
        send(
            new RecordIncidentCommand(
                child,
                id("labour", i),
                IncidentType.CHILD_LABOUR,
                day.minusDays(10),
                area,
                null,
                false,
                null,
                null));
      } else if (pick == 7) {
        send(
            new RecordIncidentCommand(
                child,
                id("marriage", i),
                IncidentType.CHILD_MARRIAGE,
                day.minusDays(20),
                area,
                null,
                false,
                null,
                null));
      }
      if (random.nextInt(4) == 0) {
        SpecialCircumstance[] groups = SpecialCircumstance.values();
        SpecialCircumstance group = groups[random.nextInt(groups.length)];
        send(new IdentifySpecialCircumstanceCommand(child, group, day, null));
        if (random.nextInt(3) > 0) {
          send(
              new RecordSupportCommand(
                  child, "Trợ cấp xã hội", day.plusDays(15), 500_000L, null, null));
        }
        if (random.nextInt(5) == 0
            && step(day.plusDays(200).atStartOfDay(VietnamTime.ZONE).toInstant())) {
          send(
              new EndSpecialCircumstanceCommand(
                  child, group, day.plusDays(200), "Hoàn cảnh đã thay đổi", null));
        }
      }
    } catch (RuleViolationException | InvalidInputException e) {
      // recorded on an earlier start, or not possible (e.g. before the child's birth)
    }
  }

  /** The synthetic province and its communes (two-level government: no district). */
  void defineAreas() {
    send(
        new DefineAreaCommand(
            AreaCode.of(PROVINCE), "Tỉnh Demo (giả lập)", AreaLevel.PROVINCE, null));
    for (int i = 0; i < COMMUNES.size(); i++) {
      send(
          new DefineAreaCommand(
              AreaCode.of(COMMUNES.get(i)),
              "Xã Demo " + (i + 1),
              AreaLevel.COMMUNE,
              AreaCode.of(PROVINCE)));
    }
  }

  /** The demo data is the system's own work: its commands are stamped as the system's. */
  private <R> R send(Object command) {
    return vn.cpms.infra.security.SystemActor.run(
        () ->
            commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(java.util.Map.of(AxonConfiguration.USERNAME, "demo"))));
  }

  ReportCaseCommand reportCase(Random random, int i) {
    CaseId caseId = new CaseId(id("case", i));
    String commune = COMMUNES.get(random.nextInt(COMMUNES.size()));
    LocalDate day = ANCHOR.minusDays(random.nextInt(3 * 365));
    Instant reportedAt =
        day.atTime(LocalTime.of(7 + random.nextInt(11), random.nextInt(60)))
            .atZone(VietnamTime.ZONE)
            .toInstant();
    Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
    int age = random.nextInt(16);
    String ethnicity =
        random.nextInt(10) < 7 ? "01" : String.format("%02d", 2 + random.nextInt(53));
    String name =
        FAMILY[random.nextInt(FAMILY.length)]
            + " "
            + (sex == Sex.FEMALE ? "Thị" : MIDDLE[random.nextInt(MIDDLE.length)])
            + " "
            + GIVEN[random.nextInt(GIVEN.length)];
    boolean knownBirthDate = random.nextInt(4) > 0;
    LocalDate birthDate =
        knownBirthDate ? day.minusYears(age).minusDays(random.nextInt(365)) : null;
    ChildRegistration child =
        new ChildRegistration(
            name,
            birthDate,
            knownBirthDate ? null : age,
            sex,
            Ethnicity.of(ethnicity),
            random.nextInt(20) == 0,
            AreaCode.of(commune),
            "Thôn " + (1 + random.nextInt(9)),
            new Guardian("Phụ huynh (giả lập)", "PARENT", null));
    AbuseForm[] forms = AbuseForm.values();
    Set<AbuseForm> suspected = EnumSet.of(forms[random.nextInt(forms.length)]);
    if (random.nextInt(5) == 0) {
      suspected.add(forms[random.nextInt(forms.length)]);
    }
    Channel[] channels = Channel.values();
    return new ReportCaseCommand(
        caseId,
        new ChildId(id("child", i)),
        child,
        reportedAt,
        channels[random.nextInt(channels.length)],
        AreaCode.of(commune),
        suspected,
        random.nextInt(6) == 0,
        "Báo cáo giả lập số " + (i + 1) + " (dữ liệu demo).",
        null,
        null);
  }

  private UUID id(String kind, int i) {
    return id(kind, (long) i);
  }

  private UUID id(String kind, long i) {
    return UUID.nameUUIDFromBytes(
        ("cpms-demo:" + seed + ":" + kind + ":" + i).getBytes(StandardCharsets.UTF_8));
  }
}
