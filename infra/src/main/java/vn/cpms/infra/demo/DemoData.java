package vn.cpms.infra.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.cpms.infra.axon.AxonConfiguration;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaLevel;
import vn.cpms.kernel.area.DefineAreaCommand;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.ReportCaseCommand;
import vn.cpms.kernel.cases.ReportCaseResult;
import vn.cpms.kernel.children.ChildId;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Guardian;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.contacts.CallerType;
import vn.cpms.kernel.contacts.ContactCategories;
import vn.cpms.kernel.contacts.ContactId;
import vn.cpms.kernel.contacts.ContactResult;
import vn.cpms.kernel.contacts.ReceiveContactCommand;

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
  private final Clock clock;
  private final long seed;
  private final int cases;

  public DemoData(
      CommandGateway commands,
      Clock clock,
      @Value("${cpms.demo.seed:20261123}") long seed,
      @Value("${cpms.demo.cases:60}") int cases) {
    this.commands = commands;
    this.clock = clock;
    this.seed = seed;
    this.cases = cases;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void load() {
    defineAreas();
    Random random = new Random(seed);
    int created = 0;
    for (int i = 0; i < cases; i++) {
      ReportCaseCommand command = reportCase(random, i);
      if (command.reportedAt().isAfter(clock.instant())) {
        continue;
      }
      ReportCaseResult result = send(command);
      if (result.created()) {
        created++;
      }
    }
    log.info("Demo data: {} cases created, {} already present", created, cases - created);
    int contacts = 0;
    for (int i = 0; i < cases * 2; i++) {
      ReceiveContactCommand contact = contact(random, i);
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

  private <R> R send(Object command) {
    return commands.sendAndWait(
        GenericCommandMessage.asCommandMessage(command)
            .andMetaData(java.util.Map.of(AxonConfiguration.USERNAME, "demo")));
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
    return UUID.nameUUIDFromBytes(
        ("cpms-demo:" + seed + ":" + kind + ":" + i).getBytes(StandardCharsets.UTF_8));
  }
}
