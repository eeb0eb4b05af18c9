package vn.cpms.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cpms.kernel.statistics.Plan;

/** The catalogue is the seed plans' own text: every quote is in its seed, targets as written. */
class PlanCatalogueTest {
  static final PlanCatalogue CATALOGUE = new PlanCatalogue();

  /** {@code docs/plans} of this repository: the five plan texts the catalogue is written from. */
  static Path seeds() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("docs").resolve("plans");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("docs/plans not found above " + Path.of("").toAbsolutePath());
  }

  private static final Pattern WHITESPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

  /** Runs of whitespace (line breaks included) read as one space. */
  static String normalised(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ").trim();
  }

  /** The plan's text, whitespace normalised. */
  static String planText(String seedFile) {
    return TEXTS.computeIfAbsent(
        seedFile,
        f -> {
          try {
            return normalised(Files.readString(seeds().resolve(f), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The plan's words a {@code basis} quotes, between “ and ”. */
  static List<String> quotedIn(String basis) {
    List<String> quoted = new ArrayList<>();
    Matcher m = Pattern.compile("“([^”]+)”").matcher(basis);
    while (m.find()) {
      quoted.add(m.group(1));
    }
    return quoted;
  }

  /**
   * Every piece of a plan's own words in the catalogue: each indicator's and deadline's {@code
   * seedQuote}, the words a report window's {@code basis} quotes, and the text of a target that has
   * no number (a yearly reduction: the plan's words are the target).
   */
  static Stream<Arguments> quotes() {
    return CATALOGUE.plans().stream()
        .flatMap(
            plan ->
                Stream.of(
                        plan.indicators().stream()
                            .map(
                                i ->
                                    Arguments.of(
                                        plan.seedFile(),
                                        plan.id() + " " + i.code(),
                                        i.seedQuote())),
                        plan.reportDeadlines().stream()
                            .map(
                                d ->
                                    Arguments.of(
                                        plan.seedFile(),
                                        plan.id() + " " + d.report(),
                                        d.seedQuote())),
                        plan.reportWindows().stream()
                            .flatMap(
                                w ->
                                    quotedIn(w.basis()).stream()
                                        .map(
                                            q ->
                                                Arguments.of(
                                                    plan.seedFile(),
                                                    plan.id() + " window " + w.report() + " basis",
                                                    q))),
                        plan.indicators().stream()
                            .filter(i -> "REDUCE_EVERY_YEAR".equals(i.direction()))
                            .flatMap(
                                i ->
                                    i.targets().stream()
                                        .map(
                                            t ->
                                                Arguments.of(
                                                    plan.seedFile(),
                                                    plan.id() + " " + i.code() + " target",
                                                    t.text()))))
                    .flatMap(a -> a));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("quotes")
  void every_quote_is_verbatim_in_its_seed_plan(String seedFile, String what, String quote) {
    assertThat(quote).isNotBlank();
    assertThat(planText(seedFile)).contains(normalised(quote));
  }

  @Test
  void the_five_seed_plans_are_in_the_catalogue() {
    assertThat(CATALOGUE.plans().stream().map(Plan::id))
        .containsExactly(
            "luong-minh-2026-2030",
            "quang-ninh-2021-2030",
            "son-tay-2025",
            "van-quan-2024",
            "quang-nam-2024");
  }

  static Plan.Indicator indicator(String plan, String code) {
    return CATALOGUE.plan(plan).orElseThrow().indicators().stream()
        .filter(i -> i.code().equals(code))
        .findFirst()
        .orElseThrow();
  }

  static List<String> targets(Plan.Indicator indicator) {
    return indicator.targets().stream().map(t -> t.year() + ":" + t.value()).toList();
  }

  @Test
  void quang_ninh_targets_are_those_of_plan_52() {
    // Chỉ tiêu 9: abused children below 4.5 % by 2025 and below 4 % by 2030.
    Plan.Indicator abused = indicator("quang-ninh-2021-2030", "CT9");
    assertThat(targets(abused)).containsExactly("2025:4.5", "2030:4.0");
    assertThat(abused.direction()).isEqualTo("BELOW");
    assertThat(abused.measure()).isEqualTo("abused-children");
    // Chỉ tiêu 11: injuries 550 → 500 per 100,000; injury deaths 14 → 12 per 100,000.
    assertThat(targets(indicator("quang-ninh-2021-2030", "CT11a")))
        .containsExactly("2025:550.0", "2030:500.0");
    assertThat(targets(indicator("quang-ninh-2021-2030", "CT11b")))
        .containsExactly("2025:14.0", "2030:12.0");
    assertThat(targets(indicator("quang-ninh-2021-2030", "CT10")))
        .containsExactly("2025:4.0", "2030:3.5");
  }

  @Test
  void luong_minh_targets_2030() {
    assertThat(targets(indicator("luong-minh-2026-2030", "CT9"))).containsExactly("2030:4.0");
    Plan.Indicator marriages = indicator("luong-minh-2026-2030", "CT13");
    assertThat(marriages.direction()).isEqualTo("REDUCTION_PERCENT_PER_YEAR");
    assertThat(marriages.targets().get(0).value()).isEqualTo(3.0);
    assertThat(marriages.targets().get(0).valueTo()).isEqualTo(5.0);
  }

  @Test
  void every_indicator_fed_by_cases_names_a_known_measure() {
    List<String> measures =
        List.of(
            "abused-children",
            "special-circumstance-children",
            "special-circumstance-supported",
            "child-labourers",
            "injured-children",
            "injury-deaths",
            "disaster-affected-supported",
            "child-marriages");
    CATALOGUE.plans().stream()
        .flatMap(p -> p.indicators().stream())
        .forEach(
            i -> {
              if (i.measure() != null) {
                assertThat(measures).contains(i.measure());
                assertThat(i.source()).isEqualTo("CASES");
              } else {
                assertThat(i.source()).isEqualTo("FIGURES");
              }
            });
  }

  // ---- Catalogue version 2: the corrections a user relies on ----

  static Plan plan(String id) {
    return CATALOGUE.plan(id).orElseThrow();
  }

  static Optional<Plan.ReportDeadline> deadline(Plan plan, String report) {
    return plan.reportDeadlines().stream().filter(d -> d.report().equals(report)).findFirst();
  }

  static Optional<Plan.ReportWindow> window(Plan plan, String report) {
    return plan.reportWindows().stream().filter(w -> w.report().equals(report)).findFirst();
  }

  static Optional<Plan.Indicator> maybeIndicator(String plan, String code) {
    return plan(plan).indicators().stream().filter(i -> i.code().equals(code)).findFirst();
  }

  /** The catalogue resource as written: its version and notes. */
  static JsonNode resource() {
    try (InputStream in = PlanCatalogue.class.getResourceAsStream(PlanCatalogue.RESOURCE)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> notes() {
    List<String> notes = new ArrayList<>();
    resource().get("notes").forEach(n -> notes.add(n.asText()));
    return notes;
  }

  @Test
  void quang_ninh_implementation_plan_is_due_only_in_2021_and_the_plan_has_an_annual_report() {
    Plan quangNinh = plan("quang-ninh-2021-2030");
    Plan.ReportDeadline implementation = deadline(quangNinh, "IMPLEMENTATION_PLAN").orElseThrow();
    assertThat(implementation.dueBy()).isEqualTo("03-31");
    assertThat(implementation.year()).isEqualTo(2021);
    assertThat(implementation.seedQuote()).contains("31/3/2021");

    // "hằng năm ... báo cáo kết quả thực hiện Kế hoạch ... theo quy định": yearly, with no date.
    Plan.ReportDeadline annual = deadline(quangNinh, "ANNUAL").orElseThrow();
    assertThat(annual.year()).isNull();
    assertThat(annual.dueBy()).as("the text gives no due date; none is invented").isNull();
    assertThat(annual.seedQuote())
        .contains("hing nam")
        .contains("bao cao két qua thuc hién K& hoach")
        .contains("theo quy dinh");
    assertThat(annual.recipient()).contains("Sở Lao động - Thương binh và Xã hội");
    assertThat(deadline(quangNinh, "SEMI_ANNUAL"))
        .as("the plan asks for no 6-month report")
        .isEmpty();
    // with no due date, its reports keep Decree 09's windows
    assertThat(quangNinh.reportWindows()).isEmpty();
    assertThat(notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("Plan 001's only periodic obligation")
                    .contains("dueBy null"));
  }

  @Test
  void every_one_time_deadline_names_its_year() {
    for (Plan plan : CATALOGUE.plans()) {
      for (Plan.ReportDeadline d : plan.reportDeadlines()) {
        String what = plan.id() + " " + d.report();
        if (d.report().equals("IMPLEMENTATION_PLAN")) {
          assertThat(d.year()).as(what).isNotNull();
          assertThat(d.year()).as(what).isBetween(plan.years().from(), plan.years().to());
          MonthDay due = MonthDay.parse("--" + d.dueBy());
          // the quoted date is that day of that year, e.g. 31/3/2021 for 03-31 in 2021
          assertThat(normalised(d.seedQuote()))
              .as(what)
              .contains(due.getDayOfMonth() + "/" + due.getMonthValue() + "/" + d.year());
        } else {
          assertThat(d.year()).as(what + " recurs every year of the plan").isNull();
        }
      }
    }
    assertThat(deadline(plan("quang-nam-2024"), "IMPLEMENTATION_PLAN").orElseThrow().year())
        .isEqualTo(2024);
  }

  @Test
  void more_than_90_percent_is_above_not_at_least() {
    Plan.Indicator births = indicator("quang-nam-2024", "T8a");
    assertThat(births.seedQuote()).startsWith("Trên 90%");
    assertThat(births.direction()).isEqualTo("ABOVE");
    assertThat(targets(births)).containsExactly("2024:90.0");
    // and every "trên / hơn X%" of every plan is ABOVE, and only those
    Pattern more = Pattern.compile("(?iu)\\b(trên|tren|hơn|hon)\\s+\\d+([.,]\\d+)?\\s*%");
    for (Plan plan : CATALOGUE.plans()) {
      for (Plan.Indicator i : plan.indicators()) {
        boolean saysMore =
            more.matcher(i.title()).find()
                || i.targets().stream().anyMatch(t -> more.matcher(t.text()).find());
        assertThat(i.direction().equals("ABOVE"))
            .as(plan.id() + " " + i.code() + ": " + i.title())
            .isEqualTo(saysMore);
      }
    }
  }

  /**
   * Issue 19: a report shows each indicator's title as its plan wrote it, with its diacritics, also
   * where the seed is an OCR text without them (Quảng Ninh): every title has a diacritic mark.
   */
  @Test
  void every_indicator_title_is_written_with_its_diacritics() {
    for (Plan plan : CATALOGUE.plans()) {
      for (Plan.Indicator i : plan.indicators()) {
        assertThat(java.text.Normalizer.normalize(i.title(), java.text.Normalizer.Form.NFD))
            .as(plan.id() + " " + i.code() + ": " + i.title())
            .containsPattern("\\p{M}");
      }
    }
  }

  /** The comparison a target's own words state, first rule that matches; none: no reading. */
  static final List<Map.Entry<Pattern, String>> WORDS =
      List.of(
          Map.entry(
              Pattern.compile("(?iu)\\b(từ|tu)\\s+\\d+([.,]\\d+)?\\s*%\\s+(đến|den)\\s+\\d+"),
              "REDUCTION_PERCENT_PER_YEAR"),
          Map.entry(Pattern.compile("(?iu)\\b(dưới|duoi)\\s+\\d+([.,]\\d+)?\\s*(%|/)"), "BELOW"),
          Map.entry(
              Pattern.compile("(?iu)\\b(trên|tren|hơn|hon)\\s+\\d+([.,]\\d+)?\\s*%"), "ABOVE"),
          Map.entry(
              Pattern.compile("(?iu)\\b(không quá|khong qua|tối đa|toi da)\\s+\\d"), "AT_MOST"),
          Map.entry(Pattern.compile("(?iu)\\b(không có|khong co)\\b"), "AT_MOST"),
          Map.entry(Pattern.compile("(?iu)\\b(xuống|xuong)(\\s+(còn|con))?\\s+\\d"), "AT_MOST"),
          Map.entry(
              Pattern.compile("(?iu)(trở lên|tro len|ít nhất|it nhat|tối thiểu|toi thieu)"),
              "AT_LEAST"),
          Map.entry(
              Pattern.compile("(?iu)\\b(giảm|giam)\\b.*(qua các năm|hằng năm|hàng năm|mỗi năm)"),
              "REDUCE_EVERY_YEAR"));

  static Optional<String> directionOfWords(String text) {
    return WORDS.stream()
        .filter(w -> w.getKey().matcher(text).find())
        .map(Map.Entry::getValue)
        .findFirst();
  }

  @Test
  void the_words_of_every_target_give_its_indicators_one_direction() {
    for (Plan plan : CATALOGUE.plans()) {
      for (Plan.Indicator i : plan.indicators()) {
        for (Plan.Target t : i.targets()) {
          directionOfWords(t.text())
              .ifPresent(
                  d ->
                      assertThat(i.direction())
                          .as(plan.id() + " " + i.code() + " target '" + t.text() + "'")
                          .isEqualTo(d));
        }
      }
    }
  }

  @Test
  void quang_ninh_stunting_is_split_because_down_to_17_and_below_15_compare_differently() {
    // "xuong 17% vao nam 2025 va duoi 15% vao nam 2030": ≤ 17 in 2025, < 15 in 2030.
    assertThat(maybeIndicator("quang-ninh-2021-2030", "CT4b")).isEmpty();
    Plan.Indicator by2025 = indicator("quang-ninh-2021-2030", "CT4b1");
    assertThat(by2025.direction()).isEqualTo("AT_MOST");
    assertThat(targets(by2025)).containsExactly("2025:17.0");
    Plan.Indicator by2030 = indicator("quang-ninh-2021-2030", "CT4b2");
    assertThat(by2030.direction()).isEqualTo("BELOW");
    assertThat(targets(by2030)).containsExactly("2030:15.0");
    assertThat(by2025.unit()).isEqualTo(by2030.unit()).isEqualTo("PERCENT");
    assertThat(notes()).anySatisfy(n -> assertThat(n).contains("CT4b1").contains("CT4b2"));
    assertThat(by2025.codeNote()).contains("split again by year");
  }

  @Test
  void a_yearly_reduction_without_a_number_is_met_when_lower_than_last_year() {
    // Lương Minh Chỉ tiêu 11: "giảm tỷ suất ... qua các năm", no number.
    for (String code : List.of("CT11a", "CT11b")) {
      Plan.Indicator injuries = indicator("luong-minh-2026-2030", code);
      assertThat(injuries.direction()).isEqualTo("REDUCE_EVERY_YEAR");
      assertThat(injuries.targets()).hasSize(1);
      assertThat(injuries.targets().get(0).value()).isNull();
      assertThat(injuries.targets().get(0).text()).contains("qua các năm");
    }
    CATALOGUE.plans().stream()
        .flatMap(p -> p.indicators().stream())
        .filter(i -> i.direction().equals("REDUCE_EVERY_YEAR"))
        .forEach(
            i ->
                assertThat(i.targets())
                    .isNotEmpty()
                    .allSatisfy(
                        t -> {
                          assertThat(t.value()).isNull();
                          assertThat(t.text()).isNotBlank();
                        }));
  }

  static final Set<String> REVISION_2_UNITS =
      Set.of(
          "PERCENT",
          "PER_1000_LIVE_BIRTHS",
          "PER_100000_CHILDREN",
          "COUNT",
          "VND",
          "OTHER",
          "RATIO_TEXT");

  @Test
  void every_unit_is_one_of_the_revision_2_units() {
    for (Plan plan : CATALOGUE.plans()) {
      for (Plan.Indicator i : plan.indicators()) {
        String what = plan.id() + " " + i.code() + ": " + i.title();
        assertThat(REVISION_2_UNITS).as(what).contains(i.unit());
        String title = i.title().toLowerCase();
        if (title.contains("trẻ đẻ sống") || title.contains("tre de song")) {
          assertThat(i.unit()).as(what).isEqualTo("PER_1000_LIVE_BIRTHS");
        }
        if (title.contains("/100.000")) {
          assertThat(i.unit()).as(what).isEqualTo("PER_100000_CHILDREN");
        }
        if (title.contains("tỷ đồng") || title.contains("triệu đồng")) {
          assertThat(i.unit()).as(what).isEqualTo("VND");
        }
      }
    }
    // infant mortality: per 1,000 live births; 02 per 500 is 4 per 1,000
    assertThat(indicator("quang-ninh-2021-2030", "CT3b").unit()).isEqualTo("PER_1000_LIVE_BIRTHS");
    assertThat(targets(indicator("luong-minh-2026-2030", "CT3c"))).containsExactly("2030:4.0");
    // the child protection fund is money
    Plan.Indicator fund = indicator("quang-nam-2024", "T6");
    assertThat(fund.unit()).isEqualTo("VND");
    assertThat(targets(fund)).containsExactly("2024:5.0E9");
    // "15/17 xã": a count of communes, at least the 15 of 2022
    Plan.Indicator communes = indicator("van-quan-2024", "T9");
    assertThat(communes.unit()).isEqualTo("COUNT");
    assertThat(communes.direction()).isEqualTo("AT_LEAST");
    assertThat(targets(communes)).containsExactly("2024:15.0");
    // no unit is left as bare ratio text
    assertThat(
            CATALOGUE.plans().stream()
                .flatMap(p -> p.indicators().stream())
                .map(Plan.Indicator::unit))
        .doesNotContain("RATIO_TEXT");
  }

  /** Decree 09/2019/NĐ-CP: semi-annual data to 14 Jun, annual to 14 Dec. */
  static MonthDay defaultEnd(String report) {
    return report.equals("SEMI_ANNUAL") ? MonthDay.of(6, 14) : MonthDay.of(12, 14);
  }

  /** The window a deadline's report is made from: SEMI_ANNUAL… or ANNUAL…, else none. */
  static Optional<String> windowKind(String report) {
    if (report.startsWith("SEMI_ANNUAL")) {
      return Optional.of("SEMI_ANNUAL");
    }
    if (report.startsWith("ANNUAL")) {
      return Optional.of("ANNUAL");
    }
    return Optional.empty();
  }

  @Test
  void a_plan_due_in_may_has_a_semi_annual_window_ending_before_its_due_date() {
    for (Plan plan : CATALOGUE.plans()) {
      for (Plan.ReportDeadline d : plan.reportDeadlines()) {
        Optional<String> kind = windowKind(d.report());
        if (kind.isEmpty() || d.dueBy() == null) {
          continue;
        }
        MonthDay due = MonthDay.parse("--" + d.dueBy());
        MonthDay end =
            window(plan, kind.get())
                .map(w -> MonthDay.parse("--" + w.to()))
                .orElse(defaultEnd(kind.get()));
        assertThat(end)
            .as(
                plan.id()
                    + " "
                    + d.report()
                    + " due before "
                    + d.dueBy()
                    + ": its data window ends")
            .isLessThan(due);
      }
    }
    for (String may : List.of("son-tay-2025", "van-quan-2024", "quang-nam-2024")) {
      Plan.ReportWindow h1 = window(plan(may), "SEMI_ANNUAL").orElseThrow();
      assertThat(h1.from()).isEqualTo("11-01");
      assertThat(h1.fromPreviousYear()).isTrue();
      assertThat(h1.to()).isEqualTo("04-30");
    }
    for (String november :
        List.of("luong-minh-2026-2030", "son-tay-2025", "van-quan-2024", "quang-nam-2024")) {
      Plan.ReportWindow year = window(plan(november), "ANNUAL").orElseThrow();
      assertThat(year.from()).isEqualTo("11-01");
      assertThat(year.fromPreviousYear()).isTrue();
      assertThat(year.to()).isEqualTo("10-31");
    }
  }

  @Test
  void a_plans_windows_start_the_day_after_last_years_annual_window_and_say_why() {
    for (Plan plan : CATALOGUE.plans()) {
      MonthDay lastYearEnd =
          window(plan, "ANNUAL")
              .map(w -> MonthDay.parse("--" + w.to()))
              .orElse(MonthDay.of(12, 14));
      for (Plan.ReportWindow w : plan.reportWindows()) {
        String what = plan.id() + " window " + w.report();
        assertThat(w.report()).as(what).isIn("SEMI_ANNUAL", "ANNUAL");
        assertThat(w.fromPreviousYear()).as(what).isTrue();
        assertThat(MonthDay.parse("--" + w.from()))
            .as(what)
            .isEqualTo(MonthDay.from(lastYearEnd.atYear(2001).plusDays(1)));
        // the basis quotes the plan's due date (checked in the plan's text by the quote test)
        assertThat(quotedIn(w.basis())).as(what).isNotEmpty();
        assertThat(w.basis()).as(what).contains("kết thúc trước");
      }
    }
  }

  @Test
  void the_catalogue_version_is_bumped_and_a_note_says_what_changed() {
    assertThat(CATALOGUE.version()).isGreaterThanOrEqualTo(2);
    assertThat(resource().get("version").asInt()).isEqualTo(CATALOGUE.version());
    assertThat(notes())
        .anySatisfy(n -> assertThat(n).startsWith("Version " + CATALOGUE.version() + " (changes"));
  }
}
